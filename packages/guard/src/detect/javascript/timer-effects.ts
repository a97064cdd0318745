// What a timer's callback does when it fires decides whether its delay is a deadline: a callback that
// only logs or only ends a measurement (a tracing span, a profile) cuts nothing off and nobody waits on
// it; a test's timer that aborts the operation the test then checks is the scripted action under test; a
// timer that only calls again the function that armed it waits before a retry, it bounds nothing. A value
// given to a store as an entry's expiry (`redis.set(k, v, "EX", ttl)`) is a lifetime, not a wait.
import {
  calleePath,
  type EsNode,
  FUNCTION_TYPES,
  isFunction,
  isNode,
  memberName,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** Calls named like a timer (`setTimeout`, `timing.setTimeout`, `(0, timers_1.setTimeout)`). */
const TIMER_NAME = /^setTimeout$/;

/** Methods that write a log line, on a receiver named like a logger (`logger?.warn?.(...)`, `console.log`). */
const LOG_METHOD = /^(log|warn|warning|info|debug|trace|verbose|error|fatal|notice)$/;
const LOGGER = /(^|\.)(console|\w*log\w*|\w*Log\w*|diag|debug\w*)$/i;
/** A bare call that only logs: `debug("...")`, `log(...)`, `warn(...)`. */
const LOG_CALL = /^(debug|log|warn|logWarning|logDebug|trace)$/;

/** A measurement (tracing span, transaction, profile, recording): ending or annotating it measures, it waits for nothing. */
const MEASUREMENT = /span|transaction|trace|measure|profil|recording|recorder|metric|histogram|stopwatch|sampler/i;
const MEASUREMENT_METHOD =
  /^(end|finish|stop|setStatus|setAttribute|setAttributes|setTag|setTags|setData|addEvent|recordException|updateName|setMeasurement)$/;

/** Calls that compute and decide nothing about a wait. */
const PURE =
  /^(Date|performance|Math|Object|JSON|Number|String|Boolean|Array|Reflect)\.|^(hasOwn|String|Number|Boolean|isNaN|isFinite|parseInt|parseFloat|clearTimeout|clearInterval)$|\.hasOwnProperty(\.call)?$/;

/** Test files call a runner with a title: `it("...", ...)`, `test('...')`, `t.test(...)`, `describe(...)`. */
const TEST_FILE = /\b(it|test|describe|suite|specify)\s*\(\s*['"`]/;

/** A callback that fails the test (a watchdog), not a scripted action. */
const WATCHDOG =
  /mustNotCall|\b(assert|t|expect|chai\.assert)\.fail\s*\(|\b(done|cb|callback|next)\s*\(\s*new \w*Error\b|\breject\s*\(/;

/** What a test says it expects of an abort: the error it gets, the flag it reads, its cancel event. */
const EXPECTS_ABORT =
  /Abort(ed)?Error|ABORT_ERR|ECONNRESET|ECONNABORTED|\baborted\b|\bcancell?ed\b|['"`](abort|cancel)['"`]/;

/** An argument that marks the next one as an entry's expiry: `set(key, value, "EX", ttl)`, `"PX"`. */
const EXPIRY_FLAG = /^(EX|PX|EXAT|PXAT)$/i;
/** Calls whose second argument is an entry's lifetime: `expire(key, ttl)`, `pexpire`, `setex(key, ttl, value)`. */
const EXPIRY_CALL = /^(expire|pexpire|setex|psetex|expireAt|pexpireAt|setEx|pSetEx|pExpire)$/;

type Timer = { call: EsNode; callback: EsNode; delay: EsNode };

/**
 * Timers and the functions their callbacks call, collected in the one walk (`FileFacts` hands them over);
 * `finish` judges each timer once every definition of the file is known.
 */
export class TimerEffects {
  /** Named functions and methods of the file (`function f`, `static f()`, `f: function`, `const f = () =>`). */
  private readonly definitions = new Map<string, EsNode[]>();
  private readonly timers: Timer[] = [];
  /** Names passed on as a value (`request({ timeout })`, `connect(timeout)`): they may bound a wait elsewhere. */
  private readonly passed = new Set<string>();
  /** Names used as the delay of a timer whose callback may end a wait. */
  private readonly active = new Set<string>();
  /** Names given to a store as an entry's expiry (`"EX", this.options.leaderLockTimeout`). */
  private readonly expiries = new Set<string>();
  /**
   * Names used only as the delay of timers that log, measure or retry, or only as an entry's expiry (filled by
   * `finish`): nothing waits on them.
   */
  readonly inertNames = new Set<string>();
  /** [start, end) of the delay arguments of timers that only log or measure: nothing waits on what they hold. */
  readonly inertRanges: [number, number][] = [];
  private visitorKeys: VisitorKeys | undefined;

  constructor(private readonly source: string) {}

  /** A call or `new`: a timer with a callback and a timeout-looking delay, or a value passed on. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = unwrap(node.callee as EsNode);
    const last =
      callee.type === "SequenceExpression"
        ? referenceName(unwrap((callee.expressions as EsNode[]).at(-1)!))
        : referenceName(callee);
    if (last !== undefined && TIMER_NAME.test(last) && args.length >= 2) {
      const delay = args[1]!;
      const [start, end] = span(delay);
      if (/timeout|deadline/i.test(this.source.slice(start, end)))
        this.timers.push({ call: node, callback: unwrap(args[0]!), delay });
      return;
    }
    const expiry = expiryArgument(last, args);
    for (const arg of args) if (arg !== expiry) this.pass(arg);
    const name = expiry && referenceName(unwrap(expiry));
    if (name !== undefined && /timeout|deadline/i.test(name)) this.expiries.add(name);
  }

  /** `{ timeout }`, `{ timeout: this.idleTimeout }` in an object literal: the value is passed on. */
  object(node: EsNode): void {
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property" || !isNode(property.value)) continue;
      this.definition(propertyName(property), property.value);
      // `client.set(key, value, { EX: ttl })` (node-redis): an entry's lifetime.
      const name = referenceName(unwrap(property.value));
      if (EXPIRY_FLAG.test(propertyName(property) ?? "") && name !== undefined) this.expiries.add(name);
      else this.pass(property.value);
    }
  }

  /** A named function or method: what a callback calling it by name does. */
  definition(name: string | undefined, value: unknown): void {
    if (name === undefined || !isNode(value) || !FUNCTION_TYPES.has(unwrap(value).type)) return;
    const list = this.definitions.get(name) ?? [];
    list.push(unwrap(value));
    this.definitions.set(name, list);
  }

  /** Judges every timer (after the walk): its callback only logs or measures, or it may end a wait. */
  finish(visitorKeys: VisitorKeys | undefined): void {
    this.visitorKeys = visitorKeys;
    const inert: Timer[] = [];
    for (const timer of this.timers) {
      const names = delayNames(timer.delay);
      if (this.onlyLogsOrMeasures(timer.callback) || this.onlyRetries(timer)) {
        inert.push(timer);
        this.inertRanges.push(span(timer.delay));
      } else for (const name of names) this.active.add(name);
    }
    // Only a delay that is the name alone (`setTimeout(end, idleTimeout)`): a name inside a fallback
    // (`config.x ?? (config.requestTimeout ?? 2000)`) may be the timeout of something else too.
    const quiet = [...inert.map((timer) => referenceName(unwrap(timer.delay))), ...this.expiries];
    for (const name of quiet)
      if (name !== undefined && !this.active.has(name) && !this.passed.has(name)) this.inertNames.add(name);
  }

  /**
   * `if (err) return setTimeout(function () { self._connectToStore() }, self.storeRetryTimeout)` inside
   * `_connectToStore`: the callback only calls again the function that armed the timer (and logs or computes),
   * so its delay is how long to wait before the next try, not a bound on a wait.
   */
  private onlyRetries(timer: Timer): boolean {
    const [at] = span(timer.call);
    const arms = (name: string | undefined) =>
      name !== undefined &&
      (this.definitions.get(name) ?? []).some((fn) => {
        const [from, to] = span(fn);
        return from < at && at < to;
      });
    const callback = timer.callback;
    // `setTimeout(this._connect.bind(this), delay)`, `setTimeout(connect, delay)`.
    if (callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression")
      return arms(boundName(callback));
    let retries = false;
    let ok = true;
    walk(callback, this.visitorKeys, (node) => {
      if (!ok) return;
      if (node.type === "ThrowStatement") ok = false;
      if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
      const path = calleePath(node.callee as EsNode) ?? "";
      const method = path.slice(path.lastIndexOf(".") + 1);
      if (arms(method)) retries = true;
      else if (!(PURE.test(path) || isLog(path))) ok = false;
    });
    return ok && retries;
  }

  /** Nothing waits on a value at `at`: it is part of the delay of a timer that only logs or measures. */
  inert(at: number): boolean {
    return this.inertRanges.some(([from, to]) => from <= at && at < to);
  }

  /**
   * `setTimeout(() => req.destroy(), 50)` in a test that then checks the abort (`ABORT_ERR`, `AbortError`,
   * `aborted`): the abort is the action under test, its delay is choreography, not a deadline. A watchdog
   * that fails the test is still a deadline.
   */
  scriptedAbort(timer: EsNode, enclosing: readonly [number, number][]): boolean {
    if (!TEST_FILE.test(this.source)) return false;
    const callback = (timer.arguments as EsNode[])[0];
    if (!callback) return false;
    const [from, to] = span(callback);
    const body = this.source.slice(from, to);
    if (WATCHDOG.test(body)) return false;
    // The named callback's own body (`function abort() { cancel.abort() }`) is part of what it does.
    const named =
      unwrap(callback).type === "Identifier" ? this.definitions.get(unwrap(callback).name as string) : undefined;
    if (named?.some((fn) => WATCHDOG.test(this.text(fn)))) return false;
    // The functions around the timer (innermost first, up to the test's own callback) say what the test expects.
    return enclosing.slice(0, 3).some(([start, end]) => {
      const around = this.source.slice(start, from) + this.source.slice(to, end);
      return EXPECTS_ABORT.test(around);
    });
  }

  private pass(raw: EsNode): void {
    const name = referenceName(unwrap(raw));
    if (name !== undefined && /timeout|deadline/i.test(name)) this.passed.add(name);
  }

  /**
   * Whether a callback only writes logs, ends or annotates a measurement, or computes (through the
   * file's own functions it calls, two levels deep), and does at least one of the first two.
   */
  private onlyLogsOrMeasures(callback: EsNode): boolean {
    const seen = new Set<EsNode>();
    let effect = false;
    const inert = (fn: EsNode, depth: number): boolean => {
      if (seen.has(fn)) return true;
      seen.add(fn);
      let ok = true;
      walk(fn, this.visitorKeys, (node) => {
        if (!ok) return;
        if (node.type === "ThrowStatement" || node.type === "AwaitExpression" || node.type === "YieldExpression") {
          ok = false;
          return;
        }
        if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
        const path = calleePath(node.callee as EsNode) ?? "";
        const dot = path.lastIndexOf(".");
        const method = path.slice(dot + 1);
        const receiver = dot < 0 ? "" : path.slice(0, dot);
        if (isLog(path)) effect = true;
        else if (MEASUREMENT_METHOD.test(method) && MEASUREMENT.test(receiver)) effect = true;
        else if (PURE.test(path)) return;
        else {
          const definitions = depth < 2 && method ? this.definitions.get(method) : undefined;
          ok = definitions !== undefined && definitions.every((definition) => inert(definition, depth + 1));
        }
      });
      return ok;
    };
    if (isFunction(callback)) return inert(callback, 0) && effect;
    const named = callback.type === "Identifier" ? this.definitions.get(callback.name as string) : undefined;
    return named !== undefined && named.every((fn) => inert(fn, 1)) && effect;
  }

  private text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }
}

/** The names a delay reads: `idleTimeout`, `config.requestTimeout` in `config.x ?? (config.requestTimeout ?? 2000)`. */
function delayNames(delay: EsNode): string[] {
  const names: string[] = [];
  const visit = (raw: EsNode, depth: number): void => {
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) names.push(name);
    else if (depth < 4 && (node.type === "LogicalExpression" || node.type === "BinaryExpression")) {
      visit(node.left as EsNode, depth + 1);
      visit(node.right as EsNode, depth + 1);
    }
  };
  visit(delay, 0);
  return names;
}

/** The argument of a store call that is an entry's expiry: after `"EX"`/`"PX"`, or `expire(key, ttl)`'s second. */
function expiryArgument(method: string | undefined, args: EsNode[]): EsNode | undefined {
  if (method !== undefined && EXPIRY_CALL.test(method)) return args[1];
  const flag = args.findIndex((arg) => {
    const value = unwrap(arg);
    return value.type === "Literal" && typeof value.value === "string" && EXPIRY_FLAG.test(value.value);
  });
  return flag >= 0 ? args[flag + 1] : undefined;
}

/** The function a timer's callback names: `connect`, `this._connect`, `this._connect.bind(this)`. */
function boundName(callback: EsNode): string | undefined {
  if (callback.type !== "CallExpression") return referenceName(callback);
  const callee = unwrap(callback.callee as EsNode);
  if (callee.type !== "MemberExpression" || memberName(callee) !== "bind") return undefined;
  return referenceName(unwrap(callee.object as EsNode));
}

/** `logger.warn(...)`, `console.log(...)`, a bare `debug(...)`: a call that only writes a log line. */
function isLog(path: string): boolean {
  const dot = path.lastIndexOf(".");
  if (dot < 0) return LOG_CALL.test(path);
  return LOG_METHOD.test(path.slice(dot + 1)) && LOGGER.test(path.slice(0, dot));
}
