// Values bound to a timeout's name where they are written: a parameter's default (`def get(url, timeout=30)`) and an
// assignment (`self.timeout = 15`, `TIMEOUT1, TIMEOUT2 = 0.82, 0.35`, `deadline = time.monotonic() + 5`).
import { QUIET_PERIOD_FUNCTION } from "../../name-kinds.ts";
import type { Node as TsNode } from "web-tree-sitter";
import type { AlarmBudgets } from "./alarms.ts";
import { boundsLocalWork, deadlineOverLocalWork } from "./budgets.ts";
import type { PyCallJudge } from "./calls.ts";
import { classify } from "./classify.ts";
import { displayOnly } from "./display-parameters.ts";
import { inHttpMockedTest } from "./http-mocked-tests.ts";
import { ownDisplayDefault } from "./displays.ts";
import { clockOffset } from "./clock-offsets.ts";
import { underCallerNone } from "./caller-none.ts";
import { inEnumClass, negativeDisables, neverRead, onlyRecorded, underNoneCheck } from "./context.ts";
import { polledUntil } from "./deadlines.ts";
import { boundsElapsedWait } from "./elapsed-bounds.ts";
import { defaultNeverUsed } from "./private-defaults.ts";
import { boundsNoWait, isCacheEntryLifetime, lifetimeOrUnread, onlySleeps } from "./lifetimes.ts";
import { onlyHandedToDoubles } from "./handed-to-doubles.ts";
import { setOnTestDouble } from "./test-reads.ts";
import { keepsNegativeForPolls } from "./kept-polls.ts";
import { classKeepsNoLimit, ownNoLimit, waitsWithOwnNegative } from "./settings.ts";
import { keptOnSelf } from "./setting-writes.ts";
import { waitsWithOwnInfinity } from "./own-infinite-waits.ts";
import { raisesToFloor } from "./floors.ts";
import { seedsMinimum } from "./min-seeds.ts";
import { spellsInfinity } from "./wrapped-literals.ts";
import { kwargsNoLimit } from "./kwargs-settings.ts";
import { keywordArgument, referenceName } from "./syntax.ts";
import { onlyStoredUnread, unreadSessionTimeout, unreadSetting } from "./unread-settings.ts";
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { isNoLimit } from "./values.ts";

/** The detector as these judgements see it: its facts, its SIGALRM budgets, and where findings go (`PyCallJudge`). */
export interface PyBindingJudge extends PyCallJudge {
  readonly alarms: AlarmBudgets;
}

/** A function whose name says it is a wait: `wait`, `join`, `poll`, `wait_for_ready`, `zmq_poll`, `_wait`. */
const NAMED_AS_WAIT = /^_*(wait|join|poll)(_[a-z_]*)?$|^[a-z]\w*_(wait|join|poll)$/;

/** A `default_parameter` or `typed_default_parameter`: the default of a timeout-named parameter. */
export function judgeDefault(judge: PyBindingJudge, node: TsNode): void {
  const facts = judge.facts;
  const name = node.childForFieldName("name")?.text;
  const value = node.childForFieldName("value");
  if (!value) return;
  const fn = node.parent?.parent;
  // `deadline=None` is no timeout's name, but an object that keeps it for a wait's `deadline` keyword whose None is
  // "no limit" (betterproto's stub, handing it to grpclib's `channel.request`) keeps no limit: only that is reported.
  if (!facts.isTimeout(name)) {
    const own = name === "deadline" ? ownNoLimit(facts, fn, value, name) : undefined;
    if (own) judge.report(value, own, true, "poll");
    return;
  }
  // psygnal's `def throttled(func=None, timeout=100, leading=True)`: the quiet period between calls.
  if (fn?.type === "function_definition" && QUIET_PERIOD_FUNCTION.test(fn.childForFieldName("name")?.text ?? ""))
    return;
  // `def record_flush(self, timeout_seconds=10): flushed.append(...)`, `@abstractmethod def export(self,
  // timeout_millis=10_000): """..."""`, `def shutdown(self, timeout=30): pass`: a parameter the body never
  // reads bounds nothing.
  if (fn?.type === "function_definition" && (neverRead(fn, name) || onlyRecorded(fn, name))) return;
  // stripe's `def make_request(self, ..., timeout=80): client = RequestsClient(timeout=timeout)` in a test class whose
  // fixture patches the HTTP layer (`http-mocked-tests.ts`): what it builds sends its requests to the mock.
  if (fn?.type === "function_definition" && inHttpMockedTest(facts, value)) return;
  // `class _TimeoutAlert: def __init__(self, timeout=5)` made only by calls that pass their own timeout.
  if (fn?.type === "function_definition" && defaultNeverUsed(facts, fn, name)) return;
  // `self.session.timeout = timeout` on a requests session, `self.ping_timeout = ping_timeout` that nothing reads:
  // all the body does with it is store it where nothing reads it.
  if (fn?.type === "function_definition" && onlyStoredUnread(facts, fn, name)) return;
  // `def send(self, title, text, icon=None, timeout=8000): ... n.set_timeout(timeout)`: how long a message shows.
  if (fn?.type === "function_definition" && displayOnly(facts, fn, name)) return;
  // sugar3's own `class NotifyAlert: def __init__(self, timeout=5)`: how long the alert shows (displays.ts).
  if (fn?.type === "function_definition" && ownDisplayDefault(facts, fn, name)) return;
  // `def symbolic_equal(a, b, tolerance, timeout=10.0)` read only by `with time_limit(timeout):` (SIGALRM).
  if (fn?.type === "function_definition" && judge.alarms.isBudgetParameter(fn, name)) return;
  // `default_timeout=300` of a cache, a `max_age` compared with a token's age: a lifetime, nothing waits. A delay:
  // `retry_timeout=1` slept for between attempts, or `def long_running_job(timeout=10): time.sleep(timeout)`, a
  // stand-in job whose whole work is the sleep (zeroconf's `find(timeout=5)`, which sleeps while its browser collects
  // answers, waits for them: reported).
  if (isCacheEntryLifetime(node, name)) return;
  const body = fn?.type === "function_definition" ? fn.childForFieldName("body") : null;
  if (body && boundsNoWait(facts, name, body, node, onlySleeps(body) ? "any" : "between-rounds")) return;
  // `timeout: float = -1` documented as "set it to a negative value to disable the timeout": no limit, reported where
  // it makes an object that keeps it (FileLock's constructor, a `@classmethod` factory `get_lock(cls, ..., timeout=-1)`),
  // and wherever the function is not shown to be the wait (a setter that keeps it on `self`, a factory function
  // `make_lock(path, timeout=-1)` that hands it to what it builds). A function or method that waits with it itself,
  // unchanged or as the wait's None (`zmq_poll(sockets, timeout=-1)`, `tracker.wait(timeout=-1)`; as JavaScript's
  // `own-waits.ts` asks), leaves the bound to its caller (README "A wait's own "no limit" default").
  if (
    fn?.type === "function_definition" &&
    (facts.evaluate(value) ?? 0) < 0 &&
    // Said in the docstring, or shown by the class's polling loop, which skips its give-up check for a negative value.
    (negativeDisables(fn) || (makesObject(fn) && keepsNegativeForPolls(facts, fn, name)))
  ) {
    // `self._timeout = timeout` anywhere in the body (`keptOnSelf`): the object keeps the parameter for later waits.
    // A function named as the wait it is (`def wait(self, timeout=-1)` whose body turns the negative into a week,
    // `def zmq_poll(sockets, timeout=-1)` handing it to a C binding) leaves the bound to its caller too.
    if (
      makesObject(fn) ||
      keptOnSelf(fn, name).length > 0 ||
      !(waitsWithOwnNegative(facts, fn, name) || NAMED_AS_WAIT.test(fn.childForFieldName("name")?.text ?? ""))
    )
      judge.report(value, `as the default of ${name}`, false, "poll", false, true);
    return;
  }
  // `def connect_blocking(self, timeout=float('inf'))` that polls until its deadline itself: the caller's choice.
  if (
    fn?.type === "function_definition" &&
    spellsInfinity(value) &&
    !makesObject(fn) &&
    keptOnSelf(fn, name).length === 0 &&
    waitsWithOwnInfinity(facts, fn, name)
  )
    return;
  // An object on its own None waits forever (`ownNoLimit`). A function that is the wait leaves the bound to its caller
  // (README "A wait's own "no limit" default"; JavaScript's `own-waits.ts`): Redis's blocking commands' own
  // `def blpop(self, keys, timeout=0)` is the caller's choice. (A caller's own `r.blpop(key, 0)` is not reported
  // either: no rule knows Redis's blocking commands at a call; README, session 14 round 2.)
  const own = ownNoLimit(facts, fn, value, name);
  judge.report(value, own ?? `as the default of ${name}`, own !== undefined, "poll");
}

/** A constructor (`__init__`, `__new__`) or a `@classmethod` (a factory of its class): what it is given, an object keeps. */
function makesObject(fn: TsNode): boolean {
  const name = fn.childForFieldName("name")?.text;
  if (name === "__init__" || name === "__new__") return true;
  const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  return decorated?.namedChildren.some((c) => c?.type === "decorator" && /^@classmethod\b/.test(c.text)) ?? false;
}

/** An `assignment`: a literal stored under a timeout's name, or added to a clock for a deadline. */
export function judgeAssignment(judge: PyBindingJudge, node: TsNode): void {
  const facts = judge.facts;
  const left = node.childForFieldName("left");
  const written = node.childForFieldName("right");
  // `login_timeout = attr.ib(default=60, validator=...)`: an attrs or dataclass field's default is the value the
  // attribute holds on every object built without it, as `login_timeout = 60` is.
  const right = (written && fieldDefault(facts, written)) ?? written;
  if (!left || !right || facts.codeStatements.has(node.id)) return;
  // `STATUS_CODE_REQUEST_TIMEOUT = 408`: an HTTP status, not a duration.
  if (isTimeoutStatusCode(referenceName(left), facts.evaluate(right))) return;
  // `TIMEOUT1, TIMEOUT2, TIMEOUT3 = 0.82, 0.35, 1.4`, `sleep, timeout = (1, 2)`: each name takes the literal at its
  // place, the parentheses of a written tuple or pattern included.
  if (/^(pattern_list|tuple_pattern)$/.test(left.type) && /^(expression_list|tuple)$/.test(right.type)) {
    const names = left.namedChildren;
    const values = right.namedChildren;
    if (names.length !== values.length || inEnumClass(node)) return;
    names.forEach((target, i) => {
      const value = values[i];
      if (target?.type !== "identifier" || !value) return;
      if (facts.isTimeout(target.text)) judge.report(value, `assigned to ${target.text}`, false);
      // `threads, deadline = [], time.time() + 5` (pagekite): a deadline in its place of the pattern.
      const added =
        /deadline/i.test(target.text) && value.type === "binary_operator" ? clockOffset(facts, value) : undefined;
      if (added && !deadlineOverLocalWork(facts, node, target))
        judge.report(added, `added to the clock for ${target.text}`, false);
    });
    return;
  }
  // `self.timeout = 15`, and `timeout = 3` / `WAIT_EVENT_TIMEOUT = 5` wherever they are passed on.
  const name = referenceName(left);
  const deadline = name !== undefined && /deadline/i.test(name);
  // `deadline = time.monotonic() + 5`, `timeout = time.perf_counter() + 8` polled in a loop: a literal added to
  // the clock is a deadline's duration when the name says so or a loop compares the clock with it.
  const added = right.type === "binary_operator" ? clockOffset(facts, right) : undefined;
  if (
    added &&
    !inEnumClass(node) &&
    !(left.type === "identifier" && facts.delayNames.has(`${facts.scopeOf(node)}:${left.text}`))
  ) {
    if (deadline || polledUntil(facts, node, left)) {
      // A deadline only checked between steps of a computation budgets local work (budgets.ts).
      if (!deadlineOverLocalWork(facts, node, left)) judge.report(added, `added to the clock for ${left.text}`, false);
      return;
    }
  }
  // Only a timeout's name is looked at further (most assignments stop here), or a constant a wait loop's elapsed time
  // is compared with (`MAX_TIMEOUT_TIME = 20000` ... `if time.time() - start > self.MAX_TIMEOUT_TIME: break`).
  if (!facts.isTimeout(name)) {
    if (name && /^[A-Z_][A-Z0-9_]*$/.test(name) && !inEnumClass(node) && boundsElapsedWait(facts, node, left))
      judge.report(right, `assigned to ${left.text}, which ends a wait loop once the elapsed time passes it`, false);
    return;
  }
  if (left.type === "identifier" && facts.delayNames.has(`${facts.scopeOf(node)}:${left.text}`)) return;
  // `class ErrorCodes(enum.IntEnum): WAIT_TIMEOUT = 0x102`: an enum's members are codes, not durations.
  if (inEnumClass(node)) return;
  // `self.req_session.timeout = 5` on a `requests.Session()`: an attribute requests never reads; a constant or field
  // nothing in the package reads (`DEFAULT_TIMEOUT_SECONDS = 25`).
  if (unreadSessionTimeout(facts, left) || unreadSetting(facts, node, left)) return;
  if (lifetimeOrUnread(facts, node, left, name) || boundsLocalWork(facts, node, left, name)) return;
  // `timeout = 2` in a test, read only by calls on doubles, expected calls and assertions: test data.
  if (onlyHandedToDoubles(facts, node, left, name)) return;
  // `x_cluster = mock.Mock(...)` ... `x_cluster.timeout = 10`: a value only a double holds.
  if (setOnTestDouble(facts, left)) return;
  if (judge.alarms.isBudgetValue(right)) return;
  // `if timeout is None: timeout = float("inf")` (or pexpect's 1e6, a driver's 0xFFFFFFFF; a day or more in the
  // name's unit): the caller's None re-spelled as "no limit" for what comes next; the caller chose it, not this line.
  if (
    (underNoneCheck(node, left.text) || underCallerNone(facts, node)) &&
    classify(facts, right, false, "poll").every((item) => isNoLimit(item, facts, name))
  )
    return;
  if (spellsInfinity(right) && seedsMinimum(node, left)) return;
  // `if timeout < 60: timeout = 60`: a floor under the caller's or the configuration's value.
  if (raisesToFloor(node, left, right)) return;
  // `self.client.timeout = 1` then `self.client._sock.settimeout.assert_called_with(1)` or
  // `self.assertEqual(self.client.timeout, 1)`: a test that sets an object's setting and asserts the literal back
  // checks a configuration. An attribute only: a local (`timeout = 5`) may reach a wait before the assertion.
  if (left.type === "attribute" && facts.doubles.assertedLater(right, name)) return;
  // `class MPDClient: _timeout = None` whose objects wait with it: the class's own "no limit" (`classKeepsNoLimit`).
  const kept = classKeepsNoLimit(facts, node);
  // `self.timeout = kwargs.pop("timeout", None)` in a constructor whose objects wait with it: the object's own
  // "no limit", taken through `**kwargs` (`kwargs-settings.ts`); the lookup's None is what is reported.
  const viaKwargs = kept ? undefined : kwargsNoLimit(facts, node);
  if (viaKwargs) {
    judge.report(viaKwargs, `as the fallback of ${left.text}, which the object keeps and later waits with`, true);
    return;
  }
  judge.report(
    right,
    kept
      ? `as the class default of ${left.text}, which its objects keep and later wait with`
      : `assigned to ${left.text}`,
    kept,
  );
}

/** attrs' and dataclasses' field declarations, which take the attribute's default as `default=`. */
const FIELDS = /^(attr\.(ib|attrib|field)|attrs\.field|dataclasses\.field)$/;

/** The `default=` of a field declaration (`attr.ib(default=60)`, `field(default=2.0)` imported from dataclasses). */
function fieldDefault(facts: PyBindingJudge["facts"], right: TsNode): TsNode | undefined {
  if (right.type !== "call") return undefined;
  const callee = right.childForFieldName("function");
  if (!callee || !FIELDS.test(facts.resolve(callee.text.replace(/\s+/g, "")))) return undefined;
  return keywordArgument(right, "default") ?? undefined;
}
