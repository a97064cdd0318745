// Timers, test-runner timeouts and the callbacks that make a timer a deadline.
import { TEST_DECORATOR_MODULES } from "../../apis-javascript.ts";
import { type EsNode, FUNCTION_TYPES, propertyName, span, unwrap } from "./ast.ts";
import { boundFunction, ownText } from "./callback-body.ts";

/** APIs where 0 switches a timer off once its phase is over (Node sockets and requests), not a finding. */
export const SWITCH_OFF_APIS = new Set(["*.setTimeout"]);

/** Test-runner timeouts: the fix is `timeouts.test`, not `TIMEOUT`. */
export const TEST_APIS = new RegExp(
  `^(jest\\.setTimeout|this\\.(test\\.|currentTest\\.)?timeout|mocha\\.timeout|t\\.timeout|vi\\.setConfig|test\\.setTimeout|testInfo\\.setTimeout|(@cucumber\\/)?cucumber\\.setDefaultTimeout|(${TEST_DECORATOR_MODULES.join("|")})\\.timeout)$`,
);

/** Test-runner options (`vi.setConfig({ testTimeout })`, Playwright's `timeout` is not one of them). */
export const TEST_OPTIONS = /^(testTimeout|hookTimeout|teardownTimeout)$/;

export const TIMER_CALLS = /^((globalThis|window|global|timers)\.)?setTimeout$/;

/**
 * A callback that aborts or fails the pending operation: `() => controller.abort()`,
 * `() => req.destroy(new TimeoutError())`, or a test's watchdog (`() => assert.fail("late")`).
 */
export const DEADLINE_BODY =
  /\.abort\s*\(|\b(destroy|reject)\s*\([^)]*time[ds]?\s*-?out|\b(assert|t|expect)\.fail\s*\(|\bmustNotCall\s*\(/i;

/**
 * A callback passed by name or built by a call that ends the operation: `this.abort_socket.bind(this, s)`,
 * `common.mustNotCall()` (a watchdog that fails the test when it fires). Not `onTimeout`: undici's
 * timer wheel names its tick that.
 */
const DEADLINE_CALLBACK = /mustNotCall|abort|\bkill|terminate|timed_?out/i;

/** `setTimeout(() => controller.abort(), 5000)`: a timer whose callback ends the operation is its deadline. */
export function isDeadlineTimer(path: string, args: EsNode[], source: string): boolean {
  if (!TIMER_CALLS.test(path) || args.length < 2) return false;
  const callback = boundFunction(args[0]!);
  const [start, end] = span(callback);
  // What the callback does when it fires, not what the callbacks it registers do later (`res.on("error", t.fail)`).
  if (callback.type === "ArrowFunctionExpression" || callback.type === "FunctionExpression") {
    const own = ownText(callback, source);
    return DEADLINE_BODY.test(own) || (callback !== unwrap(args[0]!) && DEADLINE_CALLBACK.test(own));
  }
  if (callback.type === "Identifier" || callback.type === "MemberExpression" || callback.type === "CallExpression")
    return DEADLINE_CALLBACK.test(source.slice(start, end));
  return false;
}

/** What a timer may be given first: a function, or the name of one. */
const CALLBACK_TYPES = new Set([...FUNCTION_TYPES, "Identifier", "MemberExpression"]);

/**
 * `callbacks.setTimeout(timeoutFn, 30000)`: a timer function handed in (matrix-js-sdk's injected timers) is a timer
 * when it is given a callback first (a socket's `setTimeout(ms, cb)` takes the duration first).
 */
export function isInjectedTimer(path: string, args: EsNode[]): boolean {
  return /\.setTimeout$/.test(path) && args[0] !== undefined && CALLBACK_TYPES.has(unwrap(args[0]).type);
}

export const TIMER_MODULES = /^(node:)?timers(\/promises)?$/;

/**
 * Helpers that bound a promise by a duration: `timeout(promise, ms)` (knex, p-timeout), `withTimeout(op, ms)`,
 * and what names itself so (`fetchWithTimeout(url, ms)`, aedes' `nextPacketWithTimeOut(s, ms)`).
 */
export const TIMEOUT_HELPERS = /^(p|with|promise|async)?[Tt]imeout$|With[Tt]ime[Oo]ut$/;

/** Clocks a deadline is computed from. */
export const JS_CLOCKS = /^(Date\.now|performance\.now|now|Date\.prototype\.getTime)$/;

/** Methods that register an event listener. */
export const LISTENER_METHODS = /^(on|once|addListener|prependListener|prependOnceListener|addEventListener)$/;

/** Mocha's tests and hooks, whose returned object takes `.timeout(ms)`. */
export const MOCHA_TESTS =
  /^(it|test|specify|describe|context|suite|before|after|beforeEach|afterEach)(\.(only|skip))?$/;

/** A timer's callback that stops a recording or sampling (pm2's CPU profile): the delay is how long to measure. */
export function stopsRecording(body: string): boolean {
  return (
    /\bstop\w*\b/i.test(body) && !/abort|reject|kill|destroy|time[ds]?\s*-?_?out|fail|cancel|close|exit/i.test(body)
  );
}

/** Where retry options are given: `retries: { ... }` (proper-lockfile), `retry: { ... }`, `retryOptions`. */
export const RETRY_OPTIONS = /^retr(y|ies)(Options|Opts|Config)?$/i;

/** Calls that take retry options (`retry.operation({ forever: true })`, `pRetry(fn, { forever: true })`). */
export const RETRY_CALLS = /retry|(^|\.)operation$/i;

/**
 * `retries: { forever: true, ... }` (the `retry` package's option, used by proper-lockfile, async-retry,
 * p-retry): the wait for what is retried has no bound. The `true`, if the options say so.
 */
export function foreverRetry(raw: EsNode): EsNode | undefined {
  const node = unwrap(raw);
  if (node.type !== "ObjectExpression") return undefined;
  for (const property of node.properties as EsNode[]) {
    if (property.type !== "Property" || propertyName(property) !== "forever") continue;
    const value = unwrap(property.value as EsNode);
    if (value.type === "Literal" && value.value === true) return value;
  }
  return undefined;
}
