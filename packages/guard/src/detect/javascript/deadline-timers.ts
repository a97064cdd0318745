// Deadlines by what a timer's callback does when it fires: it rejects a promise that also settles another way (a
// race), it force-kills a process it gave a grace period, or it tells someone the operation timed out
// (`onerror("timeout")`, `cb(new TimeoutError())`). Any of these makes the delay the bound of a wait, whatever the
// delay is called; `timers.ts`'s `DEADLINE_BODY` keeps the cheap cases (abort, fail, a reject that says "timeout").
import { isTimeoutName } from "../../names.ts";
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, referenceName, span, unwrap } from "./ast.ts";
import { boundFunction, ownText } from "./callback-body.ts";
import { innermostFunction, SpanTree } from "./function-spans.ts";
import { type DeclaredFunction, escape, executorFunction, PromiseExecutors } from "./promise-executors.ts";
import { reportsTimeout } from "./timeout-reports.ts";
import { exitsProcess, guardsWorkAfter, racesSucceedingExit } from "./watchdogs.ts";
import { DEADLINE_BODY, isInjectedTimer, TIMER_CALLS } from "./timers.ts";

// Calls that kill a process or end a worker (`proc.kill("SIGKILL")`, `worker.terminate()`).
const KILLS = /\.(kill|terminate)\s*\(/;

// Methods that register a listener.
const LISTENS = /(^|\.)(on|once|addListener|prependListener|prependOnceListener|addEventListener)$/;

// Events that say the operation has already failed or timed out.
const FAILURE_EVENT = /error|fail|time_?out/i;

// Handlers of a failure or a timeout: `onTimeout`, `_handleError`, `onRequestTimedOut` (not `onceTimeout`, a helper
// that arms the timer).
const REACTION_NAME = /^_*(on|handle)([A-Z_]\w*)?(Timeout|TimedOut|Error|Failure)$/;
/**
 * The name just before a function (`onTimeout() {`, `_onTimeout = () =>`): its group 1. The match starts where a word
 * does (the lookbehind): the leftmost match always did (a match inside a word has one with the same end from the word's
 * start), and without it every position inside each word of the 80 characters read was tried to the text's end.
 */
export const NAME_BEFORE = /(?<![\w$])([\w$]+)\s*[:=]?\s*(async\s*)?(function\s*)?$/;

/** The functions of a file by nesting and by name (`DeadlineTimers.index`). */
type FunctionIndex = {
  count: number;
  tree: SpanTree<DeclaredFunction>;
  byName: Map<string, DeclaredFunction[]>;
};

/** Collected during the one walk: promise executors, parameter defaults, kept timer handles and cleared ones. */
export class DeadlineTimers {
  // Every function's span and its parameters by name, with their defaults (`function deadline(p, millis = 1000)`:
  // `millis` defaults to `1000`, `p` to nothing).
  private readonly functions: DeclaredFunction[] = [];
  // `new Promise((resolve, reject) => ...)`: the executors, and whether a timer in one races another settlement.
  private readonly executors: PromiseExecutors;
  // Timer calls by the handle they are kept under (`const killTimer = setTimeout(...)`, `this.timer = ...`).
  private readonly handles = new Map<EsNode, string>();
  /**
   * Delays of timers kept under a keep-alive *timeout* handle (`this.keepAliveTimeout = setTimeout(this.onKeepAliveTimeout,
   * this.keepAliveTimeoutMs)`): how long the peer may stay silent before the connection counts as lost (a liveness
   * wait), not the schedule of a keep-alive that is sent (`keepaliveTimer = setTimeout(ping, interval)`).
   */
  readonly liveness = new Set<string>();
  // Handles given to `clearTimeout`: the timer is cancelled when what it guards comes first.
  private readonly cleared = new Set<string>();
  // Where each `Promise.race(...)` call starts.
  private readonly races: number[] = [];
  // [start, end) of functions that react to a failure or a timeout that has already happened (`onTimeout() {...}`,
  // `req.on("error", (err) => ...)`): a timer armed there defers or debounces its report, it bounds no wait.
  private readonly reactions: [number, number][] = [];
  // `index()`'s answer, and how many functions it was built from.
  private indexed: FunctionIndex | undefined;

  /** `functionSpans`: [start, end) of every function in document order, filled by the same walk. */
  constructor(
    private readonly source: string,
    private readonly functionSpans: readonly [number, number][],
  ) {
    this.executors = new PromiseExecutors(source, this.functions);
  }

  /** A call or `new`: a promise executor, a cleared handle, a race. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const path = calleePath(node.callee as EsNode) ?? "";
    if (node.type === "NewExpression" && path === "Promise" && args[0]) {
      this.executors.add(executorFunction(args[0]));
      return;
    }
    if (/(^|\.)clearTimeout$/.test(path) && args[0]) this.cleared.add(this.text(unwrap(args[0])));
    if (path === "Promise.race") this.races.push(span(node)[0]);
    const event = args[0] && unwrap(args[0]);
    if (
      LISTENS.test(path) &&
      event?.type === "Literal" &&
      typeof event.value === "string" &&
      FAILURE_EVENT.test(event.value)
    )
      for (const arg of args.slice(1)) if (FUNCTION_TYPES.has(unwrap(arg).type)) this.reactions.push(span(arg));
  }

  /** `const killTimer = setTimeout(...)`, `this.timer = setTimeout(...)`: the handle a timer is kept under. */
  stored(target: EsNode | undefined, value: unknown): void {
    if (!target || !isNode(value)) return;
    const call = unwrap(value);
    if (call.type !== "CallExpression" || !TIMER_CALLS.test(calleePath(call.callee as EsNode) ?? "")) return;
    this.handles.set(call, this.text(unwrap(target)));
    const handle = referenceName(unwrap(target));
    const delay = (call.arguments as EsNode[])[1];
    const name = delay && referenceName(unwrap(delay));
    if (handle !== undefined && name !== undefined && /keep_?alive/i.test(handle) && isTimeoutName(handle))
      this.liveness.add(name);
  }

  /** A function: its parameters' literal defaults, by name. */
  function(node: EsNode): void {
    const parameters = new Map<string, EsNode | undefined>();
    for (const param of node.params as EsNode[]) {
      if (param.type === "Identifier") parameters.set(param.name as string, undefined);
      else if (param.type === "AssignmentPattern" && (param.left as EsNode).type === "Identifier")
        parameters.set((param.left as EsNode).name as string, param.right as EsNode);
    }
    const [from, to] = span(node);
    // `onTimeout() {`, `function handleError(`, `_onTimeout = () =>`: the name before (or of) the function.
    const name = isNode(node.id)
      ? (node.id.name as string)
      : NAME_BEFORE.exec(this.source.slice(Math.max(0, from - 80), from))?.[1];
    this.functions.push({ from, to, parameters, name, node });
    if (name !== undefined && REACTION_NAME.test(name)) this.reactions.push([from, to]);
  }

  /**
   * `deadline(p, millis = 1000)` with `setTimeout(() => d.reject(err), millis)`: the default of the innermost
   * enclosing function's parameter a deadline timer's delay names, if any.
   */
  parameterDefault(timer: EsNode, delay: EsNode): EsNode | undefined {
    const name = unwrap(delay).type === "Identifier" ? (unwrap(delay).name as string) : undefined;
    if (name === undefined) return undefined;
    const [at] = span(timer);
    // The innermost function declaring the name as a parameter decides (an inner one hides an outer one).
    return this.index()
      .tree.around(at)
      .find(({ parameters }) => parameters.has(name))
      ?.parameters.get(name);
  }

  /** Whether `setTimeout(callback, delay)` ends or fails the operation it is armed beside when it fires. */
  ends(timer: EsNode): boolean {
    const args = timer.arguments as EsNode[];
    const path = calleePath(timer.callee as EsNode) ?? "";
    const injected = isInjectedTimer(path, args);
    if (!(TIMER_CALLS.test(path) || injected) || args.length < 2) return false;
    // `function () { ... }.bind(this)` runs the function; what it does when it fires is its own text (`ownText`).
    const callback = boundFunction(args[0]!);
    const [at] = span(timer);
    if (this.reactions.some(([from, to]) => from < at && at < to)) return false;
    // `setTimeout(process.exit, 30_000)` before the work it guards: a watchdog on the whole process.
    if (exitsProcess(callback, this.source)) {
      const handle = this.handles.get(timer);
      const around = this.functionAt(at);
      return (
        (handle !== undefined && this.cleared.has(handle)) ||
        guardsWorkAfter(timer, around, this.source) ||
        racesSucceedingExit(callback, around, this.source)
      );
    }
    // `setTimeout(onClientTimeout, 1000)`: the handler of a timeout, handed by reference.
    if (!FUNCTION_TYPES.has(callback.type) && reportsTimeout(callback)) return true;
    const executor = this.executors.innermost(at);
    // `setTimeout(reject, 5000)` inside an executor that resolves another way.
    if (callback.type === "Identifier") {
      if (this.abortsByName(callback.name as string, at)) return true;
      if (executor === undefined) return false;
      if (callback.name === executor.reject) return this.executors.resolvesElsewhere(executor, callback);
      return this.executors.givesUpWaiting(executor, callback, [callback.name as string]);
    }
    if (!FUNCTION_TYPES.has(callback.type)) return false;
    const comments = /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
    const body = ownText(callback, this.source).replace(comments, "");
    // An injected timer's abort (the global timers' is `timers.ts`'s `isDeadlineTimer`).
    if (injected && DEADLINE_BODY.test(body)) return true;
    // The executor's reject, `.then` steps of what the callback starts included (`worker.terminate().then(() =>
    // reject(timeoutError))`); a resolve there is a result delivered late, not a give-up (`givesUpWaiting` below).
    if (executor?.reject) {
      const chained = ownText(callback, this.source, true).replace(comments, "");
      const rejects = new RegExp(`\\b${escape(executor.reject)}\\s*\\(`).test(chained);
      if (rejects && this.executors.resolvesElsewhere(executor, callback)) return true;
    }
    const called = [...body.matchAll(/(?<![.\w$])([\w$]+)\s*\(/g)].map((m) => m[1]!);
    if (executor && this.executors.givesUpWaiting(executor, callback, called)) return true;
    // `const d = deferred(); setTimeout(() => d.reject(err), ms); return Promise.race([p, d])`.
    if (/\.reject\s*\(/.test(body) && this.racedAround(at)) return true;
    // A kill after a grace period: forced (`SIGKILL`), or cancelled when the process exits first.
    const handle = this.handles.get(timer);
    if (KILLS.test(body) && (/SIGKILL/.test(body) || (handle !== undefined && this.cleared.has(handle)))) return true;
    return reportsTimeout(callback);
  }

  // `const timeoutFn = function () { xhr.abort(); ... }; setTimeout(timeoutFn, 30000)`: the file's function of
  // that name, the nearest declared before the timer, aborts or fails the operation when it fires. One the timer
  // is in re-arms itself (`setTimeout(checkMap, 50)` in `checkMap`, whose own deadline is elsewhere): a poll.
  // Minified code reuses short names: a function around the timer that takes a parameter of that name and does not
  // hold the declaration binds it there (`new Promise((s) => setTimeout(s, n))`, a sleep, beside a bundled axios's
  // `const s = function (u) { r.abort(u) }`), and the timer's callback is the parameter, not the file's function.
  private abortsByName(name: string, at: number): boolean {
    let best: { from: number; to: number; node: EsNode } | undefined;
    for (const fn of this.index().byName.get(name) ?? []) if (fn.to < at && (!best || fn.from > best.from)) best = fn;
    if (best === undefined) return false;
    const declared = best;
    const shadowed = this.index()
      .tree.around(at)
      .some((fn) => fn.parameters.has(name) && !(fn.from < declared.from && declared.to < fn.to));
    return !shadowed && DEADLINE_BODY.test(ownText(best.node, this.source).replace(/\/\/[^\n]*/g, ""));
  }

  // The functions by nesting and by name, for questions asked per timer (a scan of all of them per timer was quadratic
  // in a bundle); built after the walk, again if a function was added since.
  private index(): FunctionIndex {
    if (this.indexed?.count !== this.functions.length) {
      const byName = new Map<string, DeclaredFunction[]>();
      for (const fn of this.functions) {
        if (fn.name === undefined) continue;
        const named = byName.get(fn.name);
        if (named) named.push(fn);
        else byName.set(fn.name, [fn]);
      }
      this.indexed = { count: this.functions.length, tree: new SpanTree(this.functions), byName };
    }
    return this.indexed;
  }

  // A `Promise.race(...)` in the innermost function around the timer (the helper that arms it).
  private racedAround(at: number): boolean {
    const inner = innermostFunction(this.functionSpans, at);
    return inner !== undefined && this.races.some((race) => inner[0] < race && race < inner[1]);
  }

  // The innermost function around `at` (the whole file at the top level).
  private functionAt(at: number): [number, number] {
    return innermostFunction(this.functionSpans, at) ?? [0, this.source.length];
  }

  private text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }
}
