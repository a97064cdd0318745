// Durations named like timeouts that the code uses as LIFETIMES: how long a cache entry, a token or a lock file stays
// valid, not how long anything waits. Decided by how the value flows (what it is compared with, what it is stored
// with, which store it is handed to) and by what the receiver is (a cache), never by the value's name alone.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { readOnlyByOwner } from "./attribute-ancestry.ts";
import { backoffBase } from "./backoffs.ts";
import { handedToOwn, parameterNode } from "./handed-no-wait.ts";
import { enclosingClass } from "./callees.ts";
import { unreadLocal } from "./context.ts";
import { lifetimeUse, outward, throughUnits } from "./expiries.ts";
import { noWaitOutside, type ReadVerdict } from "./judged-reads.ts";
import { loggedOnly, onlyLogged } from "./logged.ts";
import { coalescingInterval } from "./qt-timers.ts";
import { shownOrComparedRead } from "./own-display-calls.ts";
import { isCacheEntryLifetime, isFuseEntryLifetime } from "./cache-lifetimes.ts";
import { movesFakeClock } from "./clock-moves.ts";
import { flushPeriod } from "./flush-periods.ts";
import { restOfWindow } from "./rate-windows.ts";
import { onlySleeps, sleptFor, type Sleeps } from "./sleeps.ts";
import { enclosingFunction, occurrences, referenceName } from "./syntax.ts";

export { isCacheEntryLifetime } from "./cache-lifetimes.ts";
export { onlySleeps } from "./sleeps.ts";

// `DEFAULT_TIMEOUT_SECS = 60 * 60` compared only with a token's age, `timeout = 20` of a `RepoCache`: a lifetime.
// `TIMEOUT = 0.75` read only by `time.sleep(self.TIMEOUT)`: a delay. `timeout = 5` in a function that never reads it
// (the next line passes its own literal): it bounds nothing.
export function lifetimeOrUnread(facts: PyFacts, assignment: TsNode, left: TsNode, name: string): boolean {
  if (isCacheEntryLifetime(assignment, name) || isFuseEntryLifetime(facts, left)) return true;
  const scope = facts.scopeOf(assignment);
  // `CAPTCHA_TIMEOUT = 5` at module level, `settings.CAPTCHA_TIMEOUT = 90` in a test: a setting every read of which in
  // the package is an expiry (the package pass's `lifetimes`).
  const settingName = left.type === "attribute" ? left.childForFieldName("attribute")?.text : name;
  if ((scope === 0 || left.type === "attribute") && facts.options.python?.lifetimes?.includes(settingName ?? ""))
    return true;
  let fn: TsNode | null = null;
  for (let current = assignment.parent; scope !== 0 && current; current = current.parent)
    if (current.type === "function_definition") {
      fn = current;
      break;
    }
  if (left.type === "identifier" && fn && unreadLocal(fn, name)) return true;
  // A class attribute (`timeout = 20` in a class body) is read in its class, a field (`self.timeout = 20`) across the
  // file, a local in its function, a module constant in its file.
  const statement = assignment.parent;
  const cls = statement?.parent?.type === "block" ? statement.parent.parent : null;
  const within =
    cls?.type === "class_definition" && left.type === "identifier"
      ? cls
      : left.type === "attribute" || scope === 0
        ? assignment.tree.rootNode
        : (fn?.childForFieldName("body") ?? null);
  // A sleep tells only about the code's own values: `self.plugin.testRunTimeout = 2` slept for in a test is also read
  // by the plugin's module, where it bounds the plugin's waits.
  const own = left.type === "identifier" || /^self\.\w+$/.test(left.text.replace(/\s+/g, ""));
  // A module constant slept for here may bound a wait in a module that imports it (`from .client import TIMEOUT` ...
  // `sock.settimeout(TIMEOUT)`): its sleeps tell only when no other file of the package mentions the name (the
  // package pass's `words`). Without the package's facts that is unknown, and it stays reported. (A class attribute is
  // read through its class or an instance, `self.TIMEOUT`: another file's word may be any other class's.)
  const shared =
    left.type === "identifier" && scope === 0 && cls?.type !== "class_definition" && facts.packageMentions(name) !== 1;
  return within !== null && boundsNoWait(facts, name, within, left, own && !shared ? "between-rounds" : "none");
}

// `timeout = self._cfg.getInt(KEY, 15)`, `timeout = kwargs.get("timeout", 10)`: a lookup's fallback kept under a
// timeout's name whose reads bound no wait (`lifetimeOrUnread`), as a literal assigned there would be. A local no line
// reads stays reported: the fallback of a lookup is the default of whatever reads the key (README "Fallbacks").
export function storedForNoWait(facts: PyFacts, value: TsNode): boolean {
  const node = outward(value);
  const assignment = node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== node.id) return false;
  const left = assignment.childForFieldName("left");
  const name = referenceName(left);
  if (!left || !name || !facts.isTimeout(name)) return false;
  // The key, not the local's name, says whether a cache's lifetime is looked up: diskcache's `timeout =
  // params.get("DATABASE_TIMEOUT", 0.010)` in a cache class is its SQLite timeout.
  const fn = enclosingFunction(assignment);
  if (isCacheEntryLifetime(assignment, name) || (left.type === "identifier" && fn && unreadLocal(fn, name)))
    return false;
  return lifetimeOrUnread(facts, assignment, left, name);
}

// Every read of `name` in `scope` (a function, or the whole file for a module constant) uses it as an entry's
// lifetime or as a sleep's duration, and there is at least one:
// - compared with an entry's age (`current_time - token_time > DEFAULT_TIMEOUT_SECS`, `now < entry.timestamp +
// self.timeout`), where the start is not a clock reading this code took (elapsed time since `start =
// time.monotonic()` bounds a wait) and the test is not in a `while` loop (a loop that waits until a deadline);
// - added to the clock and stored with data (`self._expires[key] = time() + timeout`, `(time() + timeout, value)`);
// - handed to a store as an expiry (`r.expire(key, timeout)`, `setex(key, timeout, v)`, `set(key, v, ex=timeout)`);
// - slept for (`time.sleep(self.TIMEOUT)` between attempts, `await asyncio.sleep(regrab_timeout)`): a duration handed
//   to a sleep between rounds of a loop is a delay however it is named (README "Poll ticks"), with `sleeps`.
//   A sleep outside a loop may be a deadline's timer (prompt_toolkit's `await sleep(self.CPR_TIMEOUT)` then
//   "not supported" if no answer came): only where the sleep is the function's whole work (`sleeps` "any").
export function boundsNoWait(
  facts: PyFacts,
  name: string,
  scope: TsNode,
  definition: TsNode,
  sleeps: Sleeps = "between-rounds",
  reads: Reads = "value",
): boolean {
  const root = scope.tree.rootNode;
  const judge = (at: number): ReadVerdict => {
    const found = root.descendantForIndex(at, at + name.length);
    if (!found || found.text !== name) return "wait";
    // `self.timeout`, `RepoCache.timeout`: the read is the attribute.
    const parent = found.parent;
    const read =
      parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === found.id ? parent : found;
    // `timeout=timeout`: the keyword's own name is no read.
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === found.id) return "skip";
    // A field's reads are `.name`: a bare `name` in the file is another variable (the constructor's parameter).
    if (reads === "field" && read.id === found.id) return "skip";
    // `wx.SPLASH_TIMEOUT` beside `SPLASH_TIMEOUT = 30`: an imported module's name of the same spelling, not a read.
    if (read !== found && facts.isImportedAttribute(read)) return "skip";
    // A log message's value (`logger.debug("... %d ms", self.AUTOHIDE_TIMEOUT)`) bounds nothing: the other reads decide.
    // `if int(timeout):` tests the value as a number, `if timeout is None:` whether it is set: no read either.
    const tested = truthinessTest(throughUnits(facts, read));
    if (isAssignmentTarget(read) || tested || signTest(facts, read) || noneTest(read)) return "skip";
    // Only logged, by a name no other module of the package mentions (`_retryTimeoutSecs` read only by "will retry in
    // %i seconds"): the message is all it reaches, a use that waits on nothing (`loggedOnly`).
    if (onlyLogged(read)) return loggedOnly(facts, name) ? "use" : "skip";
    const kept = reads === "value" && (keptForNoWait(facts, read, sleeps) || shownOrComparedRead(facts, read));
    // `self._filterTimer.setInterval(AUTO_SEARCH_TIMEOUT)` of a `QTimer` whose `timeout` runs only slots that end
    // nothing: a debouncer's or throttle's window (`qt-timers.ts`), as for a parameter (`display-parameters.ts`).
    const window = coalescingInterval(facts, read);
    if (kept || window || lifetimeUse(facts, read) || sleptFor(read, sleeps) || backoffBase(read)) return "use";
    // `if elapsed < WINDOW: sleep(WINDOW - elapsed)`: a rate limit's window (`rate-windows.ts`), slept out, not waited
    // on; `freeze_time(now + timedelta(seconds=self.timeout + 1))` moves a test's fake clock (`clock-moves.ts`); `if
    // clock() - start > period: flush(); start = clock()` is a flush period (`flush-periods.ts`). Like a sleep, they
    // tell only about the code's own values.
    if (sleeps !== "none" && (restOfWindow(read) || movesFakeClock(facts, read) || flushPeriod(facts, read)))
      return "use";
    return read === found && handedOnForNoWait(facts, read) ? "use" : "wait";
  };
  // The definition's own text is not a read of it.
  const key = `${scope.id}:${name}:${sleeps}:${reads}`;
  return noWaitOutside(facts, key, () => occurrences(scope, name), judge, definition.startIndex, definition.endIndex);
}

/** Callees whose parameter is being judged (a hand-on back to one of them is a wait: no proof). */
const judging = new Set<number>();

// `super().__init__(start_timeout=start_timeout)`: handed to a function of this file whose parameter bounds no wait
// there (`handed-no-wait.ts`), judged as that function's own default would be.
function handedOnForNoWait(facts: PyFacts, read: TsNode): boolean {
  const handed = handedToOwn(read);
  const body = handed?.fn.childForFieldName("body");
  const parameter = handed && parameterNode(handed.fn, handed.parameter);
  if (!handed || !body || !parameter || judging.has(handed.fn.id)) return false;
  judging.add(handed.fn.id);
  try {
    return boundsNoWait(facts, handed.parameter, body, parameter, onlySleeps(body) ? "any" : "between-rounds");
  } finally {
    judging.delete(handed.fn.id);
  }
}

/** What `boundsNoWait` reads: a value (followed once into the field it is kept in) or a field (`.name` reads only). */
type Reads = "value" | "field";

// `if lock_timeout:`, `not timeout`: whether the limit is on, neither a wait nor a lifetime.
export function truthinessTest(node: TsNode): boolean {
  const outer = outward(node);
  const parent = outer.parent;
  if (parent?.type === "not_operator") return true;
  return (
    (parent?.type === "if_statement" || parent?.type === "elif_clause") &&
    parent.childForFieldName("condition")?.id === outer.id
  );
}

// `if yield_timeout is None:`, `timeout != None`: whether a value was given, before a fallback is put in its place.
function noneTest(node: TsNode): boolean {
  const outer = outward(node);
  const parent = outer.parent;
  if (parent?.type !== "comparison_operator" || parent.namedChildren.length !== 2) return false;
  const operator = parent.children
    .slice(1, -1)
    .map((child) => child?.text)
    .join(" ");
  return /^(is|is not|==|!=)$/.test(operator) && parent.namedChildren.some((child) => child?.type === "none");
}

// `if timeout > 0:`, `timeout == -1`: whether the limit is on or which special value it holds, compared with a
// literal zero or negative number (a duration compared with a positive number may be a deadline's test).
function signTest(facts: PyFacts, node: TsNode): boolean {
  const outer = outward(node);
  const parent = outer.parent;
  if (parent?.type !== "comparison_operator" || parent.namedChildren.length !== 2) return false;
  const other = parent.namedChildren.find((c) => c !== null && c.id !== outer.id);
  const value = other ? facts.evaluate(other) : undefined;
  return value !== undefined && value <= 0;
}

export function isAssignmentTarget(node: TsNode): boolean {
  const parent = node.parent;
  return (
    (parent?.type === "assignment" || parent?.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === node.id
  );
}

// `self.reconnect_timeout = reconnect_timeout` in a constructor, the field then read only by
// `self.loop.call_later(self.reconnect_timeout, self.connect)`: the value is kept on the object, and every read of the
// field in the file is a no-wait use (one hop: the field's own reads are not followed further). A field another module
// of the package may read (the package's `words` name it in another file, or there are no package facts) stays
// unknown, whatever its name: a leading underscore is a convention, and a subclass in another module reads `self._x`.
// Unless the package's attribute reads show that only unrelated classes read that name (`readOnlyByOwner`).
export function keptForNoWait(facts: PyFacts, read: TsNode, sleeps: Sleeps): boolean {
  const assignment = read.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  if (left?.type !== "attribute" || assignment!.childForFieldName("right")?.id !== read.id) return false;
  if (left.childForFieldName("object")?.text !== "self") return false;
  const field = left.childForFieldName("attribute")?.text ?? "";
  if (!/^\w+$/.test(field)) return false;
  // Named in another module too: only where the package's attribute reads show that no other module reads this
  // class's objects' field (`readOnlyByOwner`).
  const owner = enclosingClass(assignment!)?.childForFieldName("name")?.text;
  if (facts.packageMentions(field) !== 1 && !(owner && readOnlyByOwner(facts.options.python, owner, field)))
    return false;
  return boundsNoWait(facts, field, read.tree.rootNode, left, sleeps, "field");
}
