// What a timer's callback does when it fires decides whether its delay is a deadline: a callback that
// only logs, ends a measurement or retries (`callback-effects.ts`) bounds no wait, and a test's timer that
// aborts the operation the test then checks is the scripted action under test. Names used only so, or only
// as an entry's expiry (`expiries.ts`), are no timeouts in the file.
import { isPacingName } from "../../names.ts";
import { DELAY_KEY } from "../../name-kinds.ts";
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { KeptObjects } from "./kept-objects.ts";
import { isLog } from "./callback-effects.ts";
import type { TableRoles } from "./forgotten-tables.ts";
import { EXPIRY_FLAG, expiryArgument } from "./expiries.ts";
import { EnclosingFunctions } from "./enclosing-functions.ts";
import { setsTransactionValidity } from "./transaction-validity.ts";
import { HandedDelays } from "./handed-delays.ts";
import type { TimerFile } from "./no-deadline.ts";
import { isTestFile, scriptedAbort } from "./scripted-abort.ts";
import { LexicalScopes } from "./lexical-scopes.ts";
import { LocalDelayCopies } from "./local-delay-copies.ts";
import { SchedulerFallbacks } from "./stand-in-timers.ts";
import { TimeoutCopies } from "./timeout-copies.ts";
import { isFunctionNode, LISTENER_TIMER, type Timer, TIMEOUT_WORD, TIMER_NAME } from "./timer-calls.ts";
import { UiDelays } from "./ui-delays.ts";
import { StateSetters } from "./display-timers.ts";
import { judgeTimers } from "./inert-timers.ts";
import type { VisitorKeys } from "./walk.ts";

/** Calls that clear a timer by its handle. */
const CLEARS = /^(clearTimeout|clearInterval)$/;

/**
 * Timers and the functions their callbacks call, collected in the one walk (`FileFacts` hands them over);
 * `finish` judges each timer once every definition of the file is known.
 */
export class TimerEffects implements TimerFile {
  /** Named functions and methods of the file (`function f`, `static f()`, `f: function`, `const f = () =>`). */
  readonly definitions = new Map<string, EsNode[]>();
  /** The names each function of `definitions` is defined under (`_graceful` for `Server._graceful = async (s) => {}`). */
  readonly definedAs = new Map<EsNode, string[]>();
  /** The file's calls by the name they call, with their arguments: what callers hand in for a callback parameter. */
  readonly calls = new Map<string, EsNode[][]>();
  readonly timers: Timer[] = [];
  /** Timer calls kept under a pacing or show/hide handle (`stored`): delays, unless their callback ends something. */
  readonly paced = new Set<EsNode>();
  /** `socket.setTimeout(60000, () => log("Timeout"))`: timers whose listener comes after the delay (`LISTENER_TIMER`). */
  readonly listenerTimers: Timer[] = [];
  /** Names passed on as a value (`request({ timeout })`, `connect(timeout)`): they may bound a wait elsewhere. */
  readonly passed = new Set<string>();
  /** Object literals stored under a name (`kept-objects.ts`): a value copied there under its own name is kept. */
  private readonly keptObjects = new KeptObjects();
  /** Names like `showTimeout`: whether the file shows them reaching a wait (`ui-delays.ts`). */
  readonly uiDelays = new UiDelays();
  /** Names used as the delay of a timer whose callback may end a wait. */
  readonly active = new Set<string>();
  /** Names given to a store as an entry's expiry (`"EX", this.options.leaderLockTimeout`). */
  readonly expiries = new Set<string>();
  /** Timeout-looking names written as the value of a delay's or an interval's key (`retryDelay: opts.retryTimeout`). */
  readonly delayKeyed = new Set<string>();
  /** Whether the file calls a test runner with a title (`isTestFile`), once it has been asked. */
  private testFile: boolean | undefined;
  /**
   * Names used only as the delay of timers that log, measure or retry, or only as an entry's expiry (filled by
   * `finish`): nothing waits on them.
   */
  readonly inertNames = new Set<string>();
  /** [start, end) of the delay arguments of timers that only log or measure: nothing waits on what they hold. */
  readonly inertRanges: [number, number][] = [];
  /** The functions around each timer call: the callbacks the code was given, their own names. */
  readonly around = new EnclosingFunctions();
  /** The branches that run where `requestIdleCallback` / `requestAnimationFrame` is missing (`stand-in-timers.ts`). */
  readonly fallbacks = new SchedulerFallbacks();
  /** The state setters the file's React hooks hand out (`const [copied, setCopied] = useState(false)`). */
  readonly setters = new StateSetters();
  /** Timer calls whose handle is kept (`timer = setTimeout(...)`). */
  readonly kept = new Set<EsNode>();
  /** The blocks the file's `let` / `const` functions are seen in (`lexical-scopes.ts`). */
  readonly lexical = new LexicalScopes();
  /** `let current = this.authenticationErrorTimeout`: timeout-looking names copied to others (`timeout-copies.ts`). */
  readonly copies = new TimeoutCopies();
  /** Timeout-looking names handed to the file's functions whose parameter is only a timer's delay. */
  readonly handed: HandedDelays;
  /** `const t = this.disposeTimeout` then `setTimeout(..., t)`: a timeout copied into a local only a timer's delay. */
  readonly locals: LocalDelayCopies;

  /** `functionSpans`: [start, end) of every function in document order, filled by the same walk. */
  constructor(
    readonly source: string,
    readonly functionSpans: readonly [number, number][] = [],
  ) {
    this.handed = new HandedDelays(source);
    this.locals = new LocalDelayCopies(source, functionSpans);
  }

  /** A call or `new`: a timer with a callback and a timeout-looking delay, or a value passed on. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = unwrap(node.callee as EsNode);
    if (node.type === "NewExpression" && referenceName(callee) === "Promise" && args[0]) this.around.executor(args[0]);
    const last =
      callee.type === "SequenceExpression"
        ? referenceName(unwrap((callee.expressions as EsNode[]).at(-1)!))
        : referenceName(callee);
    this.uiDelays.call(last, args);
    if (last !== undefined) {
      const calls = this.calls.get(last);
      if (calls) calls.push(args);
      else this.calls.set(last, [args]);
    }
    // Delay first, then a function: what the listener does decides (`finish`); the delay is judged where it is written.
    if (last !== undefined && LISTENER_TIMER.test(last) && args.length === 2 && isFunctionNode(args[1]!)) {
      if (!isFunctionNode(args[0]!))
        this.listenerTimers.push({ call: node, callback: unwrap(args[1]!), delay: args[0]! });
    }
    if (last !== undefined && TIMER_NAME.test(last) && args.length >= 2) {
      const delay = args[1]!;
      const [start, end] = span(delay);
      if (TIMEOUT_WORD.test(this.source.slice(start, end)))
        this.timers.push({ call: node, callback: unwrap(args[0]!), delay });
      else {
        const named = unwrap(delay);
        if (named.type === "Identifier") {
          this.handed.timer({ call: node, callback: unwrap(args[0]!), name: named.name as string });
          this.locals.timer({ call: node, callback: unwrap(args[0]!), delay }, named.name as string);
        }
        this.pass(delay);
      }
      return;
    }
    // `debug("%d ms reconnect", self._reconnectTimeout)`: a value written to a log bounds nothing there, nor does a
    // timer's handle cleared under a timeout's name (`clearTimeout(this.busyTimeout)`).
    if (isLog(calleePath(callee) ?? "") || (last !== undefined && CLEARS.test(last))) return;
    // `new TransactionBuilder(...).setTimeout(this.defaultTimeout)`: a transaction's validity window is its lifetime.
    const expiry = last === "setTimeout" && setsTransactionValidity(node) ? args[0] : expiryArgument(last, args);
    args.forEach((arg, index) => {
      if (arg === expiry) return;
      // Handed by position to a function of the file: `finish` reads what that function does with it.
      const name = referenceName(unwrap(arg));
      if (last !== undefined && name !== undefined && TIMEOUT_WORD.test(name)) this.handed.hand(last, index, name);
      else this.pass(arg);
    });
    const name = expiry && referenceName(unwrap(expiry));
    if (name !== undefined && TIMEOUT_WORD.test(name)) this.expiries.add(name);
    else if (name !== undefined) this.copies.given.add(name);
  }

  /** `{ timeout }`, `{ timeout: this.idleTimeout }` in an object literal: the value is passed on. */
  object(node: EsNode): void {
    this.uiDelays.object(node);
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property" || !isNode(property.value)) continue;
      this.definition(propertyName(property), property.value);
      // `client.set(key, value, { EX: ttl })` (node-redis): an entry's lifetime.
      const name = referenceName(unwrap(property.value));
      if (EXPIRY_FLAG.test(propertyName(property) ?? "") && name !== undefined) this.expiries.add(name);
      // `retryDelay: REPORTER_REQUEST_RETRIES.retryTimeout` (@testomatio/reporter's axios-retry options): read as how
      // long to wait before the next try, the value is a pause there, not passed on as a bound.
      else if (DELAY_KEY.test(propertyName(property) ?? "") && name !== undefined && TIMEOUT_WORD.test(name))
        this.delayKeyed.add(name);
      else if (!this.keptObjects.sameNameCopy(node, property)) this.pass(property.value);
    }
  }

  /** A name used as an entry's lifetime elsewhere (an eviction age, `not-durations.ts`'s `evictionNames`). */
  expiry(name: string): void {
    if (TIMEOUT_WORD.test(name)) this.expiries.add(name);
  }

  /**
   * `this.hideTimeout = setTimeout(..., this.closeSelectionTimeout)` (doxygen's search box): a timer kept under a
   * handle named for a pacing or a show/hide delay (`isPacingName`) is that delay, unless its callback ends something.
   */
  stored(target: EsNode, value: unknown): void {
    const call = isNode(value) ? unwrap(value) : undefined;
    const handle = referenceName(unwrap(target));
    if (call?.type === "CallExpression") this.kept.add(call);
    if (call?.type === "CallExpression" && handle !== undefined && isPacingName(handle)) this.paced.add(call);
  }

  /** A named function or method: what a callback calling it by name does. */
  definition(name: string | undefined, value: unknown): void {
    if (name === undefined || !isNode(value) || !FUNCTION_TYPES.has(unwrap(value).type)) return;
    const list = this.definitions.get(name) ?? [];
    list.push(unwrap(value));
    this.definitions.set(name, list);
    const names = this.definedAs.get(unwrap(value));
    if (names) names.push(name);
    else this.definedAs.set(unwrap(value), [name]);
  }

  /** A function, its plain parameters (`function (row, onRowFinished)`) and its own name (`function _onResponse`). */
  function(node: EsNode): void {
    this.around.function(node);
  }

  /** `current = this.authenticationErrorTimeout`: a timeout-looking name copied to another. */
  copy(target: string | undefined, value: unknown): void {
    this.keptObjects.stored(value);
    const source = isNode(value) ? referenceName(unwrap(value)) : undefined;
    if (target !== undefined && source !== undefined && !TIMEOUT_WORD.test(target) && TIMEOUT_WORD.test(source))
      this.locals.copy(target, source, value as EsNode);
    this.copies.copy(target, value);
  }

  /** Judges every timer once every definition of the file is known (`inert-timers.ts`). */
  finish(visitorKeys: VisitorKeys | undefined, tables: TableRoles, endsNothing?: (call: EsNode) => boolean): void {
    judgeTimers(this, visitorKeys, tables, endsNothing);
  }

  /** A timer's delay judged inert (`judgeTimers`): its timer only retries, logs, measures or goes on. */
  inertDelay(delay: EsNode): boolean {
    const [from, to] = span(delay);
    return this.inertRanges.some(([a, b]) => a === from && b === to);
  }

  /** Nothing waits on a value at `at`: it is part of the delay of a timer that only logs or measures. */
  inert(at: number): boolean {
    return this.inertRanges.some(([from, to]) => from <= at && at < to);
  }

  /** Whether the file is a test file (`isTestFile`), asked once: a file with thousands of timers would scan itself for each. */
  testing(): boolean {
    return (this.testFile ??= isTestFile(this.source));
  }

  /** A test's timer that aborts the operation the test then checks (`scripted-abort.ts`). */
  scriptedAbort(timer: EsNode, enclosing: readonly [number, number][], callback?: EsNode): boolean {
    return this.testing() && scriptedAbort(this.source, this.definitions, timer, enclosing, callback);
  }

  private pass(raw: EsNode): void {
    const name = referenceName(unwrap(raw));
    if (name !== undefined && TIMEOUT_WORD.test(name)) this.passed.add(name);
    else if (name !== undefined) this.copies.passed.add(name);
  }
}
