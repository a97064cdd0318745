// What a timer's callback does, read from its calls (through the file's own functions it calls): it only
// logs or ends a measurement, or it only calls again the function that armed the timer or starts a connection or
// an attempt again (a retry). Either way the timer bounds no wait.
import { calleePath, type EsNode, isFunction, memberName, referenceName, span, unwrap } from "./ast.ts";
import { Temporaries } from "./compiled-temporaries.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** Callbacks that end, fail or settle something when called (`onTimeout`, `close`, `resolve` of a raced promise). */
const ENDS = /time|abort|fail|err|cancel|kill|reject|resolve|settle|clos|destroy|expire|stop|exit|quit|end$/i;

/** The file's named functions and methods, by name. */
export type Definitions = ReadonlyMap<string, readonly EsNode[]>;

/** Methods that write a log line, on a receiver named like a logger (`logger?.warn?.(...)`, `console.log`). */
const LOG_METHOD = /^(log|warn|warning|info|debug|trace|verbose|error|fatal|notice)$/;
const LOGGER = /(^|\.)(console|\w*log\w*|\w*Log\w*|diag|debug\w*)$/i;
/** A method named for the log level it writes, on any receiver: Haraka's `connection.logerror(...)`, `this.logwarn(...)`. */
const LEVEL_METHOD = /^log_?(debug|info|notice|warn|warning|error|crit|alert|emerg|protocol|trace|fatal)$/i;
/** A bare call that only logs: `debug("...")`, `log(...)`, `warn(...)`, a file's own `outputLog(...)` (nodes7). */
const LOG_CALL = /^(debug|log|warn|logWarning|logDebug|trace|[a-z][a-zA-Z]*Log)$/;

/** A measurement (tracing span, transaction, profile, recording): ending or annotating it measures, it waits for nothing. */
const MEASUREMENT = /span|transaction|trace|measure|profil|recording|recorder|metric|histogram|stopwatch|sampler/i;
const MEASUREMENT_METHOD =
  /^(end|finish|stop|setStatus|setAttribute|setAttributes|setTag|setTags|setData|addEvent|recordException|updateName|setMeasurement)$/;

/** Calls that compute and decide nothing about a wait; clearing a timer (`this.clearReconnectTimer(wsKey)`) ends no wait. */
const PURE =
  /^(Date|performance|Math|Object|JSON|Number|String|Boolean|Array|Reflect)\.|^(hasOwn|String|Number|Boolean|isNaN|isFinite|parseInt|parseFloat|clearTimeout|clearInterval)$|\.hasOwnProperty(\.call)?$|(^|\.)_*clear\w*(Timer|Timeout|Interval)s?$/;

/**
 * Whether a callback only writes logs, ends or annotates a measurement, or computes (through the
 * file's own functions it calls, two levels deep), and does at least one of the first two.
 */
export function onlyLogsOrMeasures(
  callback: EsNode,
  definitions: Definitions,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  const seen = new Set<EsNode>();
  let effect = false;
  const inert = (fn: EsNode, depth: number): boolean => {
    if (seen.has(fn)) return true;
    seen.add(fn);
    for (const step of stepsOf(fn, visitorKeys)) {
      if (step === STOPS) return false;
      if (step === EFFECT) effect = true;
      else {
        const called = depth < 2 && step ? definitions.get(step) : undefined;
        if (called === undefined || !called.every((definition) => inert(definition, depth + 1))) return false;
      }
    }
    return true;
  };
  if (isFunction(callback)) return inert(callback, 0) && effect;
  const named = callback.type === "Identifier" ? definitions.get(callback.name as string) : undefined;
  return named !== undefined && named.every((fn) => inert(fn, 1)) && effect;
}

/** A step of a function, for `onlyLogsOrMeasures`: it stops a wait or hands control away, writes a log or ends a measurement, or calls a method by name. */
const STOPS = 0;
const EFFECT = 1;
type Step = typeof STOPS | typeof EFFECT | string;

/**
 * What `onlyLogsOrMeasures` reads of a function, in document order, from one walk per function: a method many
 * classes define (`stop`, `close`) is read once, not once for every timer whose callback calls it (a bundle
 * with a thousand classes and timers was quadratic).
 */
const stepsCache = new WeakMap<EsNode, Step[]>();

function stepsOf(fn: EsNode, visitorKeys: VisitorKeys | undefined): Step[] {
  const cached = stepsCache.get(fn);
  if (cached) return cached;
  const steps: Step[] = [];
  const temporaries = new Temporaries(); // `(_a2 = this.Logger) == null ? void 0 : _a2.warn(...)`
  walk(fn, visitorKeys, (node) => {
    if (node.type === "ThrowStatement" || node.type === "AwaitExpression" || node.type === "YieldExpression") {
      steps.push(STOPS);
      return;
    }
    temporaries.note(node);
    if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
    const path = temporaries.callee(node);
    const dot = path.lastIndexOf(".");
    const method = path.slice(dot + 1);
    const receiver = dot < 0 ? "" : path.slice(0, dot);
    if (isLog(path)) steps.push(EFFECT);
    else if (MEASUREMENT_METHOD.test(method) && MEASUREMENT.test(receiver)) steps.push(EFFECT);
    else if (!PURE.test(path)) steps.push(method);
  });
  stepsCache.set(fn, steps);
  return steps;
}

/**
 * `if (err) return setTimeout(function () { self._connectToStore() }, self.storeRetryTimeout)` inside
 * `_connectToStore`, or `setTimeout(() => this.connect(wsKey), delay)`: the callback only calls again the function
 * that armed the timer or starts a connection or an attempt again (and logs or computes), so its delay is how long
 * to wait before the next try, not a bound on a wait.
 */
export function onlyRetries(
  call: EsNode,
  callback: EsNode,
  definitions: Definitions,
  visitorKeys: VisitorKeys | undefined,
  around: ReadonlySet<string> = new Set(),
  visible?: (name: string, at: number) => EsNode | undefined,
): boolean {
  const [at] = span(call);
  const contains = (fn: EsNode) => {
    const [from, to] = span(fn);
    return from < at && at < to;
  };
  // A bare name calls the definition the timer's code sees (`callback-scope.ts`): in a bundle, the `r` declared beside
  // the timer, not another `r` around it that arms it. A method name (`this.connect`) may be any of them.
  const arms = (name: string | undefined, bare = false) => {
    if (name === undefined) return false;
    const seen = bare ? visible?.(name, at) : undefined;
    return seen !== undefined ? contains(seen) : (definitions.get(name) ?? []).some(contains);
  };
  // `function _onResponse(err) { setTimeout(self.rawRequest.bind(self, options, _onResponse), delay) }`: the
  // request again, with the handler the timer is in: a retry.
  const again = (args: EsNode[]) => args.some((arg) => arg.type === "Identifier" && around.has(arg.name as string));
  // `setTimeout(this._connect.bind(this), delay)`, `setTimeout(connect, delay)`.
  if (callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression") {
    const name = boundName(callback);
    return (
      arms(name, namesBareFunction(callback)) ||
      (name !== undefined && (startsAgain(name) || again(boundArguments(callback))))
    );
  }
  let retries = false;
  let restarts = false;
  let saysTimedOut = false;
  let ok = true;
  walk(callback, visitorKeys, (node) => {
    if (!ok) return;
    if (node.type === "ThrowStatement") ok = false;
    // `console.warn("Connection timed out, reconnecting...")`: the callback gives up on a connection that went quiet.
    if (saysTimedOutIn(node)) saysTimedOut = true;
    if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
    const path = calleePath(node.callee as EsNode) ?? "";
    const method = path.slice(path.lastIndexOf(".") + 1);
    if (arms(method, unwrap(node.callee as EsNode).type === "Identifier") || again(node.arguments as EsNode[]))
      retries = true;
    else if (startsAgain(method)) restarts = true;
    // `store.dispatch(openWebsocket())`: a Redux store runs the action it is handed; the action's call says what.
    else if (!(PURE.test(path) || isLog(path) || DISPATCH.test(path))) ok = false;
  });
  return ok && (retries || (restarts && !saysTimedOut));
}

/**
 * A call that starts a connection or an attempt again (`this.connect(wsKey)`, `reconnect()`, `this._retry()`,
 * `client.start()`), named so whatever else it says, unless it also ends or fails something (`startTimeout`,
 * `reconnectOrFail`): a timer whose callback does only this (and logs or computes) is the delay before the next try,
 * unless the callback says something timed out (a liveness timer that gives up and reconnects).
 */
const STARTS = /^_*(re)?(connect|open|start|subscribe|login|attempt|init)|^_*(retry|restart|try[A-Z_])/;
/** A Redux store's `dispatch` (`store.dispatch`, a bare `dispatch`): neither starts nor ends anything itself. */
const DISPATCH = /(^|\.)dispatch$/;
/** A string saying something timed out (`"Connection timed out, reconnecting..."`). */
const TIMED_OUT = /time[ds]?[\s_-]?out/i;

/**
 * Whether a string literal or a piece of a template literal says something timed out: `"Connection timed out"` and
 * `` `Connection timed out after ${PING_TIMEOUT_MS} ms` `` (whose text sits in its `TemplateElement`s).
 */
function saysTimedOutIn(node: EsNode): boolean {
  if (node.type === "Literal") return typeof node.value === "string" && TIMED_OUT.test(node.value);
  if (node.type !== "TemplateElement") return false;
  const value = node.value as { cooked?: string | null; raw?: string } | undefined;
  return TIMED_OUT.test(value?.cooked ?? value?.raw ?? "");
}

function startsAgain(method: string): boolean {
  return STARTS.test(method) && !ENDS.test(method);
}

/** The function a timer's callback names: `connect`, `this._connect`, `this._connect.bind(this)`. */
function boundName(callback: EsNode): string | undefined {
  if (callback.type !== "CallExpression") return referenceName(callback);
  const callee = unwrap(callback.callee as EsNode);
  if (callee.type !== "MemberExpression" || memberName(callee) !== "bind") return undefined;
  return referenceName(unwrap(callee.object as EsNode));
}

/** `connect`, `connect.bind(self)`: a callback naming a function by a bare name, not a method (`this._connect`). */
function namesBareFunction(callback: EsNode): boolean {
  if (callback.type === "Identifier") return true;
  const callee = callback.type === "CallExpression" ? unwrap(callback.callee as EsNode) : undefined;
  return callee?.type === "MemberExpression" && unwrap(callee.object as EsNode).type === "Identifier";
}

/** The arguments a `f.bind(self, ...)` callback is called with. */
function boundArguments(callback: EsNode): EsNode[] {
  return callback.type === "CallExpression" ? (callback.arguments as EsNode[]).map(unwrap) : [];
}

/** `logger.warn(...)`, `console.log(...)`, a bare `debug(...)`: a call that only writes a log line. */
export function isLog(path: string): boolean {
  const dot = path.lastIndexOf(".");
  if (dot < 0) return LOG_CALL.test(path);
  const method = path.slice(dot + 1);
  return (LOG_METHOD.test(method) && LOGGER.test(path.slice(0, dot))) || LEVEL_METHOD.test(method);
}

/**
 * `cursor.eachAsync(function (row, onRowFinished) { setTimeout(function () { onRowFinished() }, timeout) })`,
 * `setTimeout(done, 500)`: the callback only hands control back, with no argument, to a callback the code around
 * the timer was given (and logs or computes). Its delay is how long to pause before going on; nothing fails
 * when it runs out (a watchdog calls `done(new Error(...))`).
 */
export function onlyContinues(
  callback: EsNode,
  continuations: ReadonlySet<string>,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  // A callback the code was given that ends or fails something (`onTimeout`, `close`, `reject`) is no "go on".
  const goesOn = (name: string) => continuations.has(name) && !ENDS.test(name);
  if (callback.type === "Identifier") return goesOn(callback.name as string);
  if (callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression") return false;
  let continues = false;
  let ok = true;
  walk(callback.body as EsNode, visitorKeys, (node) => {
    if (!ok) return;
    // `timedOut = true`, a "Timed out" log line, a throw: the callback records or reports a timeout.
    if (node.type === "ThrowStatement" || node.type === "AssignmentExpression" || saysTimedOutIn(node)) ok = false;
    if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
    const callee = unwrap(node.callee as EsNode);
    const path = calleePath(callee) ?? "";
    const bare = callee.type === "Identifier" && (node.arguments as EsNode[]).length === 0;
    if (bare && goesOn(callee.name as string)) continues = true;
    else if (!(PURE.test(path) || isLog(path))) ok = false;
  });
  return ok && continues;
}
