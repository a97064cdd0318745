// Where nothing waits on a duration, and values that are not deadlines, learned from what the code does
// with them: fake clocks and stubbed timers in tests, test doubles, display payloads, floors and clamps,
// timers that renew something, fakes' own fields.
import { isIdleTimeout } from "../../name-kinds.ts";
import { calleePath, type EsNode, isFunction, isNode, memberName, referenceName, span, unwrap } from "./ast.ts";
import { assignedWatchWindows, debounceParameters, debounceWindows } from "./debounce-windows.ts";
import { DisplayObjects } from "./display-objects.ts";
import { dropsByAge } from "./expiries.ts";
import { DOUBLE_NAME, Doubles, isDoubleObject } from "./doubles.ts";
import { connectionSessions, isTimerName, paces, renews, shownPayloads, stubbedMethod } from "./no-wait-calls.ts";
import {
  ASSERTS,
  SHOULD_ASSERTS,
  CALLEES,
  CLOCK_READING,
  DISPLAY_CALLEE,
  DISPLAY_ELEMENT,
  DISPLAY_HOOK,
  FAKE_CLOCK,
  HOOKS,
  JASMINE_CLOCK,
  SINON_TEST,
  MODULE_MOCK,
  saysSchedule,
  SPY,
  SPY_ON,
  STUBBED_CLOCK,
} from "./no-wait-shapes.ts";
import { sleepParameter, sleepsForFirst } from "./sleeps.ts";
import { TIMER_CALLS } from "./timers.ts";
import { elapsedBound, scheduledName } from "./schedule-shapes.ts";

/** The text of a call a JSX compiler writes (`jsxRuntime.jsx`, `(0, _jsx)`): a display component's element. */
const COMPILED_ELEMENT = /\b_?jsxs?\b|jsxDEV|createElement/;
/** `setInterval(fn, period)`, however reached: the period between rounds. */
const INTERVAL_CALLS = /^((globalThis|window|global|timers)\.)?setInterval$/;

/** Function spans in document order, for the innermost function around a position. */
export type FunctionAt = (at: number) => [number, number];

/**
 * What the one walk learns about waits (`FileFacts` hands it calls, assignments, objects, comparisons and
 * JSX elements in pre-order; `finish` runs after the walk). The detector then asks `quiet` (nothing waits
 * at a position), `offAt` (a 0 there configures no timer) and the name sets below.
 */
export class NoWaitFacts {
  /** [start, end) of fake-clock and stubbed-timer scopes, display payloads, and objects built only to be asserted. */
  private readonly quietRanges: [number, number][] = [];
  /** [start, end) of test doubles (objects with spies or asserting methods): a 0 there arms no timer. */
  private readonly doubleRanges: [number, number][] = [];
  /** Positions of fake-clock calls and timer stubs, resolved to their scopes in `finish`. */
  private readonly fakeClockCalls: number[] = [];
  /** [start, end) of hook callbacks (`beforeEach(() => ...)`): a fake clock there covers the enclosing suite. */
  private readonly hookCallbacks: [number, number][] = [];
  /** Methods replaced by stubs, as `receiver.method` (whitespace removed). */
  private readonly stubbed = new Set<string>();
  /** Names passed to `Math.max` (`Math.max(this._timeout, rto || 5000)`): a 0 there is the neutral floor. */
  readonly floors = new Set<string>();
  /** Names compared with `<`/`>` or passed to `Math.min` (`if (t > MAXDELAY) t = MAXDELAY`): a clamp, not "no limit". */
  readonly clamps = new Set<string>();
  /** Names passed as the delay of a timer whose callback renews something: a schedule. */
  readonly schedules = new Set<string>();
  /**
   * Names an elapsed time is compared with (`now - node.lastHeartbeatTime > this.opts.heartbeatTimeout`): how long
   * something may take or stay silent, a bound, whatever timer polls for it.
   */
  readonly elapsedBounds = new Set<string>();
  /** `sessionTimeout` properties of a connection (`http2: { sessionTimeout }`) or a consumer group member (group-sessions.ts). */
  readonly connectionSessions = new Set<EsNode>();
  /** The file's functions that only sleep for their first parameter, whatever they are called (`sleepsForFirst`). */
  readonly sleepers = new Set<string>();

  /** Functions, classes and values that are test doubles (their own durations wait for nothing). */
  readonly doubles: Doubles;
  /** Whether the file asserts or uses spies: test doubles (and objects only asserted on) are looked for only then. */
  readonly asserts: boolean;
  /** Whether the file mentions a session timeout and an HTTP/2 or TLS key at all. */
  private readonly sessions: boolean;
  /** Options handed to a toast or notification class, and a display component's own timers. */
  private readonly display = new DisplayObjects();

  constructor(private readonly source: string) {
    this.doubles = new Doubles(source);
    // should.js asserts through a chain (`agent.connectOpts.should.have.property("timeout", 3210)`, `should(x).be.null()`).
    this.asserts = ASSERTS.test(source) || SHOULD_ASSERTS.test(source) || /\b(vi|jest|sinon|td)\./.test(source);
    this.sessions = /session_?timeout/i.test(source) && /\b(http2|h2|tls|ssl|ssh|sftp|spdy)\b/.test(source);
  }

  /** `<Toast timeout={3000}>`, `<CSSTransition timeout={300}>`: how long something shows or animates. */
  element(node: EsNode): void {
    if (DISPLAY_ELEMENT.test(this.text(node.name as EsNode))) this.quietRanges.push(span(node));
    this.display.element(node);
  }

  /** `if (timeout > MAXDELAY)`: both sides of a comparison bound each other. */
  comparison(node: EsNode): void {
    if (!/^[<>]=?$/.test(node.operator as string)) return;
    for (const side of [node.left, node.right] as EsNode[]) this.addName(this.clamps, side);
    // `if (now - entry.at > ttl) cache.delete(key)`: an entry's age against its lifetime (`expiries.ts`), no wait.
    const bound = dropsByAge(node) ? undefined : elapsedBound(node);
    if (bound) this.addName(this.elapsedBounds, bound);
  }

  /** Resolves each fake clock to its scope: the function it is called in, or the suite around a hook. */
  finish(functionAt: FunctionAt): void {
    // `new JSONBird({ pingTimeout: 0, setTimeout })` with a `setTimeout` that only records its calls: a fake clock.
    this.quietRanges.push(...this.doubles.injectedFakes(functionAt));
    this.quietRanges.push(...this.display.finish(functionAt));
    for (const at of this.fakeClockCalls) {
      let scope = functionAt(at);
      if (this.hookCallbacks.some(([from, to]) => from === scope[0] && to === scope[1])) scope = functionAt(scope[0]);
      this.quietRanges.push(scope);
    }
  }

  /** Nothing waits in [start, end) (a test on a clock double, `mock-clocks.ts`). */
  quietIn(range: [number, number]): void {
    this.quietRanges.push(range);
  }

  /** Nothing waits at this position (a fake clock, a display payload, an object only asserted on). */
  quiet(at: number): boolean {
    return this.quietRanges.some(([from, to]) => from <= at && at < to) || this.doubles.inside(at);
  }

  /** A 0 (or `false`) stored under `name` at `at` configures no timer that anyone waits on. */
  offAt(name: string | undefined, at: number): boolean {
    if (name !== undefined && (isIdleTimeout(name) || this.floors.has(name))) return true;
    return this.doubleRanges.some(([from, to]) => from <= at && at < to);
  }

  /** `XHRFake.timeout = 2000`, a field of `class MockSocket`: a fake's own behaviour, not a deadline. */
  isDouble(receiver: EsNode): boolean {
    return this.doubles.isDouble(receiver);
  }

  call(node: EsNode): void {
    const callee = this.text(node.callee as EsNode);
    const args = node.arguments as EsNode[];
    // `client.request({ timeout: 5000 })` after `sinon.stub(client, "request")`: the stub answers, nothing waits.
    if (this.stubbed.size > 0 && this.stubbed.has(callee.replace(/\s+/g, ""))) {
      for (const arg of args) this.quietRanges.push(span(arg));
      return;
    }
    // `app.use(Toast, { timeout: 3000 })`: a plugin is named by its first argument.
    const plugin = callee.endsWith(".use") && args[0] !== undefined && DISPLAY_CALLEE.test(this.text(args[0]));
    if (DISPLAY_CALLEE.test(callee) || plugin || COMPILED_ELEMENT.test(callee)) this.display.call(node);
    // Most calls are none of these: the callee's text rules them out before its path is built.
    if (!CALLEES.test(callee)) return;
    const path = calleePath(node.callee as EsNode) ?? "";
    const stub = stubbedMethod(node, path, args, (arg) => this.text(arg));
    if (stub !== undefined) this.stubbed.add(stub);
    // `new FakeClient({ timeout: 1000 })`, `mockSession.get(url, { timeout: 30 })`: given to a double, nothing waits.
    const tooling = FAKE_CLOCK.test(path) || MODULE_MOCK.test(path) || SPY.test(path) || SPY_ON.test(path);
    if (DOUBLE_NAME.test(path) && !tooling) {
      for (const arg of args) this.quietRanges.push(span(arg));
      return;
    }
    if (node.type === "NewExpression") return;
    if (MODULE_MOCK.test(path)) {
      for (const arg of args) if (isFunction(unwrap(arg))) this.doubleRanges.push(span(arg));
    } else if (FAKE_CLOCK.test(path) || JASMINE_CLOCK.test(callee.replace(/\s+/g, "")))
      this.fakeClockCalls.push(span(node)[0]);
    else if (SPY_ON.test(path) && isTimerName(args[1])) this.fakeClockCalls.push(span(node)[0]);
    else if (STUBBED_CLOCK.test(path) && readsClock(args[0])) this.fakeClockCalls.push(span(node)[0]);
    else if (SINON_TEST.test(path)) {
      for (const arg of args)
        if (isFunction(unwrap(arg)) && /\bthis\.clock\b/.test(this.text(arg))) this.quietRanges.push(span(arg));
    } else if (HOOKS.test(path)) {
      for (const arg of args) if (isFunction(arg)) this.hookCallbacks.push(span(arg));
    } else if (path === "Math.max") {
      // `Math.max(timeout, 0)` only keeps a value from going negative: not a floor that makes 0 neutral.
      const zero = args.some((arg) => {
        const value = unwrap(arg);
        return value.type === "Literal" && value.value === 0;
      });
      if (!zero) for (const arg of args) this.addName(this.floors, arg);
    } else if (path === "Math.min") {
      for (const arg of args) this.addName(this.clamps, arg);
    } else if (TIMER_CALLS.test(path) && args.length >= 2 && isFunction(unwrap(args[0]!))) {
      if (renews(this.text(args[0]!), this.text(args[1]!))) this.addName(this.schedules, scheduledName(args[1]!));
    } else if (INTERVAL_CALLS.test(path) && args.length >= 2 && isFunction(unwrap(args[0]!))) {
      const delay = unwrap(args[1]!);
      // `setInterval(async () => { ...a round... }, timeout || 1000)` (bitcore-wallet-client's TSS session poll,
      // fresh323): the fallback is the period too, and so is every name it falls back between.
      const periods = delay.type === "LogicalExpression" ? [delay.left as EsNode, delay.right as EsNode] : [delay];
      if (paces(this.text(args[0]!), this.text(args[1]!))) {
        for (const period of periods) this.addName(this.schedules, scheduledName(period));
        if (delay.type === "LogicalExpression") this.quietRanges.push(span(delay));
      }
    }
    this.quietRanges.push(...shownPayloads(node, path, args));
    // `useTransition({ timeout: 160 })` (react-transition-state, connectkit): a display hook's options say how long
    // something shows or animates, as `<CSSTransition timeout={300}>` does.
    if (DISPLAY_HOOK.test(path))
      for (const arg of args) if (unwrap(arg).type === "ObjectExpression") this.quietRanges.push(span(arg));
  }

  /** `stream.setTimeout = vi.fn(...)`: the timer the code under test arms is a spy. */
  assignment(node: EsNode): void {
    const left = node.left as EsNode;
    const right = unwrap(node.right as EsNode);
    if (node.operator === "=") this.display.binding(left, right, span(node)[0]);
    // `config.watchOptions = { ...config.watchOptions, aggregateTimeout: 100 }` (@rstest/core): the watcher's window.
    if (node.operator === "=") this.quietRanges.push(...assignedWatchWindows(left, right));
    // `this._tokenRenewalTimer = setTimeout(fn, this._tokenTimeout)`: the handle names what the timer does.
    if (right.type === "CallExpression" && TIMER_CALLS.test(calleePath(right.callee as EsNode) ?? "")) {
      const delay = (right.arguments as EsNode[])[1];
      if (delay && saysSchedule(referenceName(left) ?? "")) this.addName(this.schedules, delay);
    }
    if (left.type !== "MemberExpression" || memberName(left) !== "setTimeout" || right.type !== "CallExpression")
      return;
    if (SPY.test(calleePath(right.callee as EsNode) ?? "")) this.fakeClockCalls.push(span(node)[0]);
  }

  object(node: EsNode): void {
    this.doubles.object(node);
    // `quietMillis: ajaxTimeout`, `watchOptions: { aggregateTimeout: 200 }`: a debounce's quiet period.
    const windows = debounceWindows(node);
    for (const name of windows.names) this.schedules.add(name);
    this.quietRanges.push(...windows.ranges);
    if (this.asserts && isDoubleObject(node, this.source)) this.doubleRanges.push(span(node));
    // `{ http2: true, sessionTimeout: 0 }` and `http2: { sessionTimeout: 100 }`: the HTTP/2 session's idle timeout.
    if (this.sessions) for (const p of connectionSessions(node)) this.connectionSessions.add(p);
  }

  /** `const model = { ... }`: an object a display class may be handed later; `const watchOptions = { ... }`. */
  declarator(node: EsNode): void {
    this.display.binding(node.id as EsNode, node.init, span(node)[0]);
    if (isNode(node.init)) this.quietRanges.push(...assignedWatchWindows(node.id as EsNode, node.init));
  }

  /** `const debounce = (fn, timeout = 0) => ...`: the parameters of a file's own debounce, throttle or sleep. */
  definition(name: string | undefined, fn: unknown): void {
    this.doubles.parameters(name, fn);
    const parameters = debounceParameters(name, fn);
    if (parameters) this.quietRanges.push(parameters);
    // `const delay = (timeout = 1000) => new Promise((r) => setTimeout(r, timeout))`: a sleep helper's pause.
    const slept = sleepParameter(fn);
    if (slept) this.quietRanges.push(slept);
    if (name !== undefined && sleepsForFirst(fn)) this.sleepers.add(name);
    this.display.definition(name, fn);
  }

  private addName(set: Set<string>, raw: EsNode): void {
    const name = referenceName(unwrap(raw));
    if (name !== undefined) set.add(name);
  }

  private text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }
}

/** `system.time()`, `Date.now()`: a call reading a clock (the call a `td.when` stubs). */
function readsClock(arg: EsNode | undefined): boolean {
  const call = arg ? unwrap(arg) : undefined;
  return call?.type === "CallExpression" && CLOCK_READING.test(calleePath(call.callee as EsNode) ?? "");
}
