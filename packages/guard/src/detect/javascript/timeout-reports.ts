// A timer's callback that tells someone the operation timed out (`onerror("timeout")`, `cb(new TimeoutError())`,
// `this.emit("timeout")`): what deadline-timers.ts counts as a report, apart from the races it tracks.
import { type EsNode, FUNCTION_TYPES, referenceName, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";
import { Temporaries } from "./compiled-temporaries.ts";
import { walk } from "./walk.ts";

// Text that says "timed out": `"timeout"`, `'Request timed out'`, `ETIMEDOUT`.
const SAYS_TIMEOUT = /time[ds]?[\s_-]?out|ETIMEDOUT/i;

// An error class named for a timeout: `new TimeoutError()`, `new errors.RequestTimedOutError(...)`.
const TIMEOUT_ERROR = /Time[ds]?_?[Oo]ut\w*(Error|Exception)$/;

// Assertions that compare (`expect(cb).toHaveBeenCalledWith("ACK_TIMEOUT")`, `t.equal(err.type, "TimeoutError")`) or
// check a condition (`assert(Timeout.executed("t"), "elapsed timeout executed")`, smart-timeout's own test): a test
// checking that a timeout happened, after waiting for it, reports none; the message describes the check.
const CHECKS =
  /^(expect|assert)$|\.(to[A-Z]\w*|equal\w*|strictEqual|deepEqual\w*|notEqual|same|strictSame|is|match\w*|include\w*|contain\w*|should\w*|ok|notOk|true|false)$/;

// A handler of a timeout by its name: `onTimeout`, `onClientTimeout`, `_handleRequestTimeout`, `onTimedOut` (not
// `onceTimeout`, a helper that arms the timer, nor `setTimeout`).
const TIMEOUT_HANDLER = /^_*(on|handle)([A-Z_]\w*)?(Timeout|TimedOut)$/;

/** `onClientTimeout`, `handleRequestTimeout`: a handler named for whose timeout it handles. */
const WHOSE_TIMEOUT = /^_*(on|handle)[A-Z_]\w*(Timeout|TimedOut)$/;

/** `onClientTimeout`, `this._onTimeout`, `this.onTimeout.bind(this)`: the name of a callback handed by reference. */
function handlerName(callback: EsNode): string | undefined {
  if (callback.type === "CallExpression") {
    const callee = unwrap(callback.callee as EsNode);
    return callee.type === "MemberExpression" && referenceName(callee) === "bind"
      ? handlerName(unwrap(callee.object as EsNode))
      : undefined;
  }
  return referenceName(callback);
}

// Calls that arm or clear a timer: their arguments are no report of a timeout.
const TIMER_API = /(^|\.)(set|clear)(Timeout|Interval|Immediate)$/;

/**
 * A call the callback makes when it fires (not in a function it only defines, not a log line, a timer or an
 * assertion) that tells someone the operation timed out: an argument saying so (`onerror("timeout")`,
 * `this.emit("timeout")`, `cb(new Error("Request timed out"))`) or an error class named so (`new TimeoutError()`).
 */
export function reportsTimeout(callback: EsNode): boolean {
  // `setTimeout(onClientTimeout, 1000)`, `setTimeout(this._onTimeout, ms)`: the handler of a timeout itself. A bare
  // `onTimeout` is also the name of a timer wheel's tick (undici's `setTimeout(onTimeout, TICK_MS)`): only a name that
  // says whose timeout it handles, or a method, is taken.
  const handler = unwrap(callback);
  const name = handlerName(handler) ?? "";
  if (TIMEOUT_HANDLER.test(name) && (handler.type !== "Identifier" || WHOSE_TIMEOUT.test(name))) return true;
  let found = false;
  const temporaries = new Temporaries(); // `(_a2 = this.Logger) == null ? void 0 : _a2.warn("timeout")` logs
  // A skipped call or function is not descended into: with timers nested in timers' callbacks, each callback is
  // read once, not once for every timer around it (which was quadratic in the nesting).
  walk(callback, undefined, (node) => {
    if (found) return false;
    if (node !== callback && FUNCTION_TYPES.has(node.type)) return false;
    temporaries.note(node);
    if (node.type !== "CallExpression" && node.type !== "NewExpression") return true;
    const path = temporaries.callee(node);
    const name = path.slice(path.lastIndexOf(".") + 1);
    if (node.type === "NewExpression") {
      // `new TimeoutError()`, `new Error("Request timed out")`.
      found = TIMEOUT_ERROR.test(name) || (/Error$/.test(name) && (node.arguments as EsNode[]).some(saysTimeout));
      return true;
    }
    if (isLog(path) || TIMER_API.test(path) || (CHECKS.test(path) && !failsAlways(node))) return false;
    // `onClientTimeout()`, `this.handleTimeout()`: a call of the handler that reacts to a timeout (@nimiq/rpc, fresh410).
    found = (node.arguments as EsNode[]).some(saysTimeout) || TIMEOUT_HANDLER.test(name);
    return true;
  });
  return found;
}

// `assert(false, "timed out")`, `t.ok(false, "timeout")`: a check that always fails, the test's own watchdog.
function failsAlways(call: EsNode): boolean {
  const first = (call.arguments as EsNode[])[0];
  const value = first && unwrap(first);
  return value?.type === "Literal" && value.value === false;
}

// `"timeout"`, `` `timed out after ${ms}` ``, `ETIMEDOUT`: an argument that says the operation timed out.
function saysTimeout(arg: EsNode): boolean {
  const value = unwrap(arg);
  if (value.type === "Literal") return typeof value.value === "string" && SAYS_TIMEOUT.test(value.value);
  if (value.type === "TemplateLiteral")
    return (value.quasis as EsNode[]).some((q) => SAYS_TIMEOUT.test(String((q.value as { raw: string }).raw)));
  return value.type === "Identifier" && /^E?TIMEDOUT$/i.test(value.name as string);
}
