// An object's own "no limit": a constructor's `timeout=None` that the object later waits with (README "a parameter
// default None": the caller's choice when the function is the wait, the library's "no limit" when it is an object's
// setting for waits the object makes later on its own).
import type { Node as TsNode } from "web-tree-sitter";
import { armedOnlyWhenSet } from "./armed-when-set.ts";
import { elseWaitsUnbounded } from "./unbounded-else.ts";
import { matchApi } from "../../apis.ts";
import { knowsTimeoutKeyword } from "./calls.ts";
import { calleeOf, classOf, parameterNamed, positionalParameter } from "./callees.ts";
import { boundOntoSession } from "./bound-requests.ts";
import { deadlineParameter } from "./deadline-objects.ts";
import { handedToClientBase } from "./inherited-clients.ts";
import { keptResult } from "./kept-objects.ts";
import { boundsPollUnless, copiedUses } from "./kept-polls.ts";
import { packageParameter } from "./package-callees.ts";
import type { PyFacts } from "./facts.ts";
import { SESSION_CLASSES } from "./http.ts";
import { noneIsForever } from "./none-keywords.ts";
import { ownCalleesWaitWith, packageMethodWaitsWith } from "./own-callee-waits.ts";
import { setOnlyWhenGiven, setsTimeoutElsewhere, settimeoutArgument } from "./own-sockets.ts";
import { assignsTo, guarded, reassigned, startedOnlyUnderTest, storedAs } from "./setting-writes.ts";
import { sessionSelfCall } from "./session-self-calls.ts";
import { splatReachesWait } from "./splatted-keywords.ts";
import { type ArgumentSlot, argumentSlot, mentionsName, unwrap } from "./syntax.ts";

// How many constructors or factories a setting may be handed through (`timeout=self.timeout` to a class of the file).
const MAX_HOPS = 3;

// `def __init__(self, timeout=None)` whose None the object waits with later, unchanged: stored as `self.x = timeout`
// (or through a `*_or_none(timeout)` conversion) and read, in any method of the class, as the timeout of a known
// blocking API (`self.sock.settimeout(self.x)`, `self._thread.join(timeout=self.x)`, `requests.get(u, timeout=self.x)`)
// or of another constructor of the file that does the same, or as the bound of a polling loop that skips its give-up
// check for None (`kept-polls.ts`), or handed to a deadline object of the file that None leaves open
// (`deadline-objects.ts`), directly or through a method's copy (`if timeout is None: timeout = self.timeout`); or set on a socket in the constructor itself
// (`sock.settimeout(timeout)`) where no other method sets the socket's timeout (httpcore's TLS stream sets one per
// read: the constructor's None bounds only its own handshake, the caller's choice); or handed on to a class or factory
// of the file that keeps it (`handedOn`), which also makes a factory's `timeout=None` the object's (`def
// make_client(timeout=None): return Client(timeout=timeout)`). A use under a test of the setting (`if self.x is not
// None:`), a parameter re-assigned in the constructor and a setting re-assigned under a None test do not count: there
// the None is replaced or kept away from the wait. Returns where the finding's message says the None is (undefined:
// not the object's own "no limit").
export function ownNoLimit(
  facts: PyFacts,
  fn: TsNode | null | undefined,
  value: TsNode,
  name: string,
): string | undefined {
  if (fn?.type !== "function_definition" || unwrap(value).type !== "none" || !waitsWithoutLimit(facts, fn, name))
    return undefined;
  return fn.childForFieldName("name")?.text === "__init__"
    ? `as the default of ${name}, which the object keeps and later waits with`
    : `as the default of ${name}, which the object it makes keeps and later waits with`;
}

export function waitsWithoutLimit(facts: PyFacts, fn: TsNode, name: string, hops = 0): boolean {
  if (hops > MAX_HOPS) return false;
  const init = fn.childForFieldName("name")?.text === "__init__";
  const cls = classOf(fn);
  const body = fn.childForFieldName("body");
  if ((init && !cls) || !body || assignsTo(body, name)) return false;
  for (const use of body.descendantsOfType("identifier")) {
    if (use?.text !== name) continue;
    if (init && cls && armedOnlyWhenSet(use, name, fn)) return true;
    if (guarded(use, name, fn) && !elseWaitsUnbounded(facts, use, name)) continue;
    if (handedOn(facts, fn, use, init, hops)) return true;
    if (!init || !cls) continue; // a function that is not a constructor keeps nothing itself: it is the wait
    const stored = storedAs(use);
    if (stored && stored.startsWith("self.")) {
      if (keptForWaits(facts, cls, stored, hops)) return true;
    } else if (settimeoutArgument(use) && !setsTimeoutElsewhere(cls, fn)) return true;
    else if (openedWith(facts, use) || boundOntoSession(facts, fn, use)) return true;
  }
  return false;
}

/** A function that waits with its parameter `name` itself, unchanged (`openURL(url, timeout=None)`: it is the wait). */
export function waitsWith(facts: PyFacts, fn: TsNode, name: string, hops = 0): boolean {
  const body = fn.childForFieldName("body");
  if (hops > MAX_HOPS || !body || assignsTo(body, name)) return false;
  return body.descendantsOfType("identifier").some(
    (use) =>
      use?.text === name &&
      // ipyparallel's `while not finished and (timeout is None or time.perf_counter() - tic <= timeout)`: a poll
      // that gives up at the parameter and never for its None.
      (boundsPollUnless(facts, use, name, "none") ||
        ((!guarded(use, name, fn) || elseWaitsUnbounded(facts, use, name)) && reachesWait(facts, use, hops))),
  );
}

/**
 * A function that waits with its negative "no limit" parameter itself: unchanged (`waitsWith`), or turned into the
 * wait's own "no limit" on the way (`self._event.wait(None if timeout < 0 else timeout)`).
 */
export function waitsWithOwnNegative(facts: PyFacts, fn: TsNode, name: string): boolean {
  if (waitsWith(facts, fn, name)) return true;
  const body = fn.childForFieldName("body");
  if (!body || assignsTo(body, name)) return false;
  return body
    .descendantsOfType("conditional_expression")
    .some(
      (choice) =>
        choice !== null &&
        negativeToNone(choice, name) &&
        (reachesWait(facts, choice, 0) || localReachesWait(facts, choice, body)),
    );
}

// `None if timeout < 0 else timeout`, `timeout if timeout >= 0 else None`, solaar's `None if timeout_ms < 0 else
// timeout_ms / 1000.0`: the parameter (or a conversion of it), its negative spelled None.
function negativeToNone(choice: TsNode, name: string): boolean {
  const [first, condition, second] = choice.namedChildren;
  if (!first || !condition || !second) return false;
  const compares = new RegExp(`^${name}\\s*(<|<=|>|>=)\\s*0(\\.0)?$`).test(condition.text);
  const value = first.type === "none" ? second : second.type === "none" ? first : undefined;
  return compares && value !== undefined && mentionsName(value, name);
}

// `timeout = None if timeout_ms < 0 else timeout_ms / 1000.0` then `select(r, w, x, timeout)`: the local the choice
// is stored in, read unguarded as a wait's timeout in the same body.
function localReachesWait(facts: PyFacts, choice: TsNode, body: TsNode): boolean {
  const assignment = choice.parent;
  const local = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  if (local?.type !== "identifier" || assignment!.childForFieldName("right")?.id !== choice.id) return false;
  const fn = body.parent!;
  return body
    .descendantsOfType("identifier")
    .some(
      (use) =>
        use !== null &&
        use.id !== local.id &&
        use.text === local.text &&
        !guarded(use, local.text, fn) &&
        reachesWait(facts, use, 0),
    );
}

/** The attribute `stored` (`self.timeout`), read unchanged in a method of the class as a wait's timeout. */
export function keptForWaits(facts: PyFacts, cls: TsNode, stored: string, hops: number): boolean {
  if (reassigned(cls, stored)) return false;
  for (const read of cls.descendantsOfType("attribute")) {
    if (read?.text !== stored || storedAs(read)) continue;
    // A polling loop that skips its give-up check for None (`kept-polls.ts`), on the setting or on a method's copy
    // (`if timeout is None: timeout = self.timeout`) whose later reads wait with it as they would with the setting.
    if (boundsPollUnless(facts, read, stored, "none")) return true;
    const copy = copiedUses(read);
    if (copy) {
      const { local, fn, uses } = copy;
      if (
        uses.some(
          (use) =>
            boundsPollUnless(facts, use, local, "none") || (!guarded(use, local, fn) && reachesWait(facts, use, hops)),
        )
      )
        return true;
      continue;
    }
    if (armedOnlyWhenSet(read, stored, cls)) return true; // `if self.x is not None: loop.call_later(self.x, fail)`
    const tested = guarded(read, stored, cls) || startedOnlyUnderTest(read, stored, cls);
    const given = setOnlyWhenGiven(facts, read, stored, cls) || elseWaitsUnbounded(facts, read, stored);
    if ((!tested || given) && reachesWait(facts, read, hops)) return true;
  }
  return false;
}

/**
 * `class MPDClient: _timeout = None` whose methods wait with `self._timeout` (`self._sock.settimeout(self._timeout)`)
 * and whose `__init__` does not set it: the class's own "no limit", kept by every object it makes.
 */
export function classKeepsNoLimit(facts: PyFacts, assignment: TsNode): boolean {
  const left = assignment.childForFieldName("left");
  const right = assignment.childForFieldName("right");
  const statement = assignment.parent;
  const cls = statement?.parent?.parent;
  if (left?.type !== "identifier" || right?.type !== "none" || statement?.type !== "expression_statement") return false;
  if (cls?.type !== "class_definition" || statement.parent?.type !== "block") return false;
  const stored = `self.${left.text}`;
  const init = calleeOf(assignment, cls.childForFieldName("name")?.text ?? "")?.fn;
  if (init && init.text.includes(stored)) return false;
  return keptForWaits(facts, cls, stored, 0);
}

// `self.transport = Transport(host, timeout=timeout)`, `return ClamdNetworkSocket(timeout=timeout)`,
// `IMAP4.__init__(self, host, timeout)`: the parameter handed unchanged to a class or factory of this file that keeps
// it for the waits its object makes later, where the object is kept too (stored, returned, or the caller's own object
// through its base's `__init__`). A function of the file that waits with it is the wait: the caller's choice.
function handedOn(facts: PyFacts, fn: TsNode, use: TsNode, init: boolean, hops: number): boolean {
  const slot = argumentSlot(use);
  if (!slot) return false;
  const { argument, keyword, list, call, written } = slot;
  const callee = calleeOf(call, written);
  if (!callee) {
    // A library's network client the class is (`class RestfulHttp(httplib2.Http)`), handed the None by its base's
    // `__init__`: the object waits with it on every request (`inherited-clients.ts`).
    if (init && handedToClientBase(facts, fn, list, argument, keyword, written)) return true;
    // Another module's class or factory (`package-callees.ts`): the same conditions, the package pass's facts.
    const other = packageParameter(facts, fn, list, argument, keyword, written);
    if (!other || (other.base ? !init : !keptResult(call, fn))) return false;
    return other.keeper.keeps.includes(other.parameter);
  }
  if (callee.fn.id === fn.id) return false;
  if (callee.kind === "base" ? !init : !keptResult(call, fn)) return false;
  const parameter = keyword ? keyword.childForFieldName("name")?.text : positionalParameter(callee, list, argument);
  return parameter !== undefined && waitsWithoutLimit(facts, callee.fn, parameter, hops + 1);
}

// `self._resource = rm.open_resource(address, timeout=timeout)`: handed as a keyword where None means "no limit" to a
// call that opens the object the constructor keeps (PyVISA's resource keeps its timeout for all its later I/O), or to
// an HTTP client it keeps (`self.client = client or httpx.AsyncClient(timeout=timeout)`: httpx's None switches its
// own 5 s default off for every request the client makes).
function openedWith(facts: PyFacts, use: TsNode): boolean {
  const keyword = use.parent;
  const call = keyword?.parent?.parent;
  if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("value")?.id !== use.id) return false;
  if (call?.type !== "call") return false;
  const made = call.parent?.type === "boolean_operator" && call.parent.childForFieldName("right")?.id === call.id;
  if (!storedAs(made ? call.parent! : call)?.startsWith("self.")) return false;
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const name = keyword.childForFieldName("name")?.text ?? "";
  const path = facts.resolve(written);
  if (name === "timeout" && SESSION_CLASSES.has(path.replace(/^httpx2\./, "httpx."))) return true;
  return noneIsForever(facts, call, path, written, name);
}

// The setting read as a known blocking API's timeout, or handed to a constructor of this file that waits with it
// (`Transport(timeout=self.timeout)`, `self.client_class(timeout=self.timeout)` with `client_class = Client`).
function reachesWait(facts: PyFacts, read: TsNode, hops: number): boolean {
  if (splatReachesWait(facts, read)) return true; // `kwargs.setdefault("timeout", self.timeout)` ... `f(**kwargs)`
  const slot = argumentSlot(read);
  if (!slot) return false;
  const { argument, keyword, list, call, written } = slot;
  const path = facts.resolve(written);
  const api = matchApi(facts.options.apis, "python", path) ?? matchApi(facts.options.apis, "python", written);
  if (keyword) {
    const name = keyword.childForFieldName("name")?.text ?? "";
    if (knowsTimeoutKeyword(facts, path, written, name) || noneIsForever(facts, call, path, written, name)) return true;
    // `self.request(..., timeout=timeout)` in `class APIClient(requests.Session)`: the session's own request method.
    if (name === "timeout" && sessionSelfCall(facts, call, written)) return true;
    // `self._request(HTTPMethod.POST, uri, timeout=timeout)`, `get_content_from(url, timeout=timeout)`.
    if (handedToOwnWait(facts, slot, hops)) return true;
    const callee = calleeOf(call, written);
    // Another module's class that keeps a None it is handed, or function that waits with it (`openURL(u, timeout=...)`).
    const keeper = callee ? undefined : facts.packageKeeper(written);
    if (keeper?.kind === "class" ? keeper.none.includes(name) : keeper?.waits.includes(name)) return true;
    const init = callee?.kind === "call" ? undefined : callee?.fn;
    const parameter = init ? parameterNamed(init, name) : undefined;
    if (callee?.kind === "new" && deadlineParameter(facts, callee.fn, name)) return true;
    return (
      parameter !== undefined && unwrap(parameter).type === "none" && waitsWithoutLimit(facts, init!, name, hops + 1)
    );
  }
  const positional = list.namedChildren.filter((a) => a && a.type !== "comment" && a.type !== "keyword_argument");
  if (typeof api?.argument === "number" && positional[api.argument]?.id === argument.id) return true;
  if (handedToOwnWait(facts, slot, hops)) return true; // `self._get_session_from_jid(jid, timeout)`
  // `TimeoutTimer(timeout, sleep).start()`: a deadline object of the file, which a None leaves open (`deadline-objects.ts`).
  const callee = calleeOf(call, written);
  const parameter = callee?.kind === "new" ? positionalParameter(callee, list, argument) : undefined;
  return parameter !== undefined && deadlineParameter(facts, callee!.fn, parameter);
}

// Handed to the package's own code that waits with it: every definition the call may run (`own-callee-waits.ts`), one
// hop further, or a method of another module the package pass found waiting with that keyword or place.
function handedToOwnWait(facts: PyFacts, slot: ArgumentSlot, hops: number): boolean {
  if (hops < MAX_HOPS && ownCalleesWaitWith(facts, slot, (fn, parameter) => waitsWith(facts, fn, parameter, hops + 1)))
    return true;
  return packageMethodWaitsWith(facts, slot);
}
