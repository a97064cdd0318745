// What a 0 (or `false`) means where it is written: "no limit" only where the receiver says so, or where the
// file's own value flow shows that 0 keeps the timer from being armed. Anywhere else it is the receiver's
// business: Docker's `stop({ timeout: 0 })` kills at once, compose's adds no `-t` flag, piscina's idle 0
// reaps at once. None of those waits forever. Which call receives a value is `receivers.ts`.
import { answeredAtOnce } from "./answers-at-once.ts";
import { calleePath, type EsNode, isFunction, isNode, referenceName, span, unwrap } from "./ast.ts";
import { ClosingTimers } from "./closing-timers.ts";
import { ConstructorSpans } from "./constructor-spans.ts";
import { innermostFunction } from "./function-spans.ts";
import { GuardedTimers } from "./guarded-timers.ts";
import { runsAtOnce } from "./runs-at-once.ts";
import { TIMEOUT_HELPERS } from "./timers.ts";
import { isZero } from "./zero-meaning.ts";

/** Calls whose last name arms a timer: `setTimeout(fn, ms)`, `timing.setTimeout(fn, ms)`, `socket.setTimeout(ms)`. */
const TIMER_METHOD = /(^|\.)(setTimeout|setInterval)$/;

/** `setTimeout`, `timers.setTimeout`, `timersPromises.setTimeout`: what an awaited sleep of node:timers/promises is called. */
const PROMISE_TIMER = /^(setTimeout|\w*[tT]imers\w*\.setTimeout)$/;
const INLINE_FUNCTION = /^(ArrowFunctionExpression|FunctionExpression)$/;

/** A comparison with 0 that tells "set" from "unset": `t > 0`, `t <= 0`, `t !== 0`, `0 < t`. */
const ZERO_TESTS = /^(>|>=|<|<=|===|!==|==|!=)$/;

/**
 * Collected during the one walk (`FileFacts` hands it calls and tests): the names the file tests for "set"
 * (`if (t)`, `t > 0`), and the names it arms a timer with.
 */
export class ZeroFacts {
  /** Names tested for being set: `if (this.connectionTimeout > 0)`, `if (!timeoutInMs) return`, `t ? arm(t) : none`. */
  private readonly tested = new Set<string>();
  /** Names a timer is armed with: `setTimeout(onTimeout, this.connectionTimeout)`, `socket.setTimeout(timeoutInMs)`. */
  private readonly armed = new Set<string>();
  /** Where a plain timer is armed with a local or parameter (`setTimeout(kill, timeout)`), by name. */
  private readonly armedLocals = new Map<string, number[]>();
  /** Where each name is tested for being set, by name. */
  private readonly testedAt = new Map<string, number[]>();
  /** Where a test for "unset" answers at once (`answers-at-once.ts`): no guard of a timer. */
  private readonly answeredAt = new Set<number>();
  /** Fields a timer is armed with directly (`setTimeout(kill, this.killTimeout)`): one object's setting, not a local. */
  private readonly armedFields = new Set<string>();
  /** Class constructors and ES5 classes' constructor functions: a field set to 0 there is its default. */
  readonly constructors = new ConstructorSpans();
  /** Which tests guard which timers (`disables`). */
  readonly guards: GuardedTimers;
  /** `await setTimeout(ms)` (node:timers/promises): sleeps, which bound no wait (a 0 there is no delay). */
  private readonly sleeps = new Set<EsNode>();
  /** Sockets' idle timers and endings (`closing-timers.ts`): a force-close armed while ending the socket. */
  readonly closing: ClosingTimers;

  /** Starts of the inline functions handed to a call or `new` (an executor, a callback): what they return is dropped. */
  private readonly callbacks = new Set<number>();

  /** `functionSpans`: [start, end) of every function in document order, filled by the same walk. */
  constructor(private readonly functionSpans: readonly [number, number][] = []) {
    this.guards = new GuardedTimers(functionSpans);
    this.closing = new ClosingTimers(functionSpans);
  }

  /**
   * `await setTimeout(timeoutMs)` from node:timers/promises (terminus' graceful-shutdown wait): the code sleeps for the
   * value and goes on; a test that skips it when unset leaves no wait unbounded, it skips a delay.
   */
  awaited(raw: unknown): void {
    const call = isNode(raw) ? unwrap(raw) : undefined;
    if (call?.type !== "CallExpression" || !PROMISE_TIMER.test(calleePath(call.callee as EsNode) ?? "")) return;
    const first = (call.arguments as EsNode[])[0];
    if (first && !INLINE_FUNCTION.test(unwrap(first).type)) this.sleeps.add(call);
  }

  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const callee = calleePath(node.callee as EsNode);
    this.closing.call(node, callee);
    for (const arg of args) if (INLINE_FUNCTION.test(unwrap(arg).type)) this.callbacks.add(span(unwrap(arg))[0]);
    // `if (timeout > 0) return util.promiseTimeout(promise, timeout)`: a helper that bounds the promise (its first
    // argument) by the rest arms a deadline with them, as a timer would.
    const helper = callee?.slice(callee.lastIndexOf(".") + 1);
    if (helper !== undefined && TIMEOUT_HELPERS.test(helper) && args.length >= 2)
      for (const arg of args.slice(1))
        if (!INLINE_FUNCTION.test(unwrap(arg).type)) this.addNames(this.armed, arg, 0, true);
    if (!TIMER_METHOD.test(callee ?? "") || this.sleeps.has(node)) return;
    // `setTimeout(fn, ms)` arms with its second argument, `socket.setTimeout(ms, fn)` with its first; a
    // callback's name among them is harmless (it is never tested for being set as a timeout).
    const names = new Set<string>();
    for (const arg of args.slice(0, 2)) {
      const value = unwrap(arg);
      if (isFunction(value) && value.type !== "Identifier") continue;
      this.addNames(this.armed, arg, 0, true);
      this.addNames(names, arg, 0);
    }
    this.closing.armed(node, callee!, [...names]);
    // `setTimeout(kill, this.killTimeout)`: a timer's delay after its callback (0 fires at once); a socket's
    // `setTimeout(this.timeout)` takes its idle timeout first (0 switches it off).
    const delay = args[1] && unwrap(args[1]);
    if (args[0] && isFunction(unwrap(args[0])) && delay?.type === "Identifier")
      push(this.armedLocals, delay.name as string, span(delay)[0]);
    if (args[0] && isFunction(unwrap(args[0])) && delay?.type === "MemberExpression")
      this.addNames(this.armedFields, delay, 0);
  }

  /**
   * `Date.now() + timeout` (`clock` tells a clock read): a deadline built from the value, a wait's bound like a timer
   * armed with it, so a test for being set around it (`timeout > 0 ? Date.now() + timeout : 0`) leaves a 0 with none.
   */
  deadline(node: EsNode, clock: (side: EsNode) => boolean): void {
    if (node.operator !== "+") return;
    const sides = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
    if (!sides.some(clock)) return;
    for (const side of sides) if (!clock(side)) this.addNames(this.armed, side, 0, true);
  }

  /** The test of an `if`, a `? :` or the left side of `&&`. */
  test(raw: EsNode): void {
    this.addTested(raw, 0);
  }

  /**
   * `if (t <= 0) return Promise.resolve()` (before its test is collected): the references it tests answer at once when
   * unset, when the `if` returns from the function that makes the wait. Returned from a `new Promise` executor or a
   * callback (`socket.write(m, () => { if (!t) return Promise.resolve(); ... })`) the value is dropped: the outer
   * promise still waits, so the test stays a guard. The call or `new` is walked before its arguments' bodies.
   */
  ifStatement(node: EsNode): void {
    const owner = innermostFunction(this.functionSpans, span(node)[0]);
    if (owner && this.callbacks.has(owner[0])) return;
    for (const reference of answeredAtOnce(node)) this.answeredAt.add(span(reference)[0]);
  }

  /** A block's statements (before its `if`s): `if (t) { setTimeout(unset, t); return } unset()` runs at once for a 0. */
  block(node: EsNode): void {
    for (const reference of runsAtOnce(node.body as EsNode[])) this.answeredAt.add(span(reference)[0]);
  }

  /**
   * The file arms a timer with the field `name` without ever testing it for being set (`setTimeout(kill, this.killTimeout)`):
   * a 0 there fires at once, it is no "no limit".
   */
  firesAtOnce(name: string | undefined): boolean {
    return name !== undefined && this.armedFields.has(name) && !this.tested.has(name);
  }

  /**
   * A parameter or local that a plain timer takes as its delay inside `[from, to)` (its function) and that is never
   * tested there for being set: `function stop(kill, timeout = 0) { setTimeout(kill, timeout) }` kills at once.
   */
  firesAtOnceIn(name: string | undefined, [from, to]: [number, number]): boolean {
    if (name === undefined) return false;
    const inside = (at: number) => from <= at && at < to;
    return (this.armedLocals.get(name) ?? []).some(inside) && !(this.testedAt.get(name) ?? []).some(inside);
  }

  /** The file tests `name` for being set (`if (t)`, `t > 0`, `t && arm(t)`). */
  isTested(name: string): boolean {
    return this.tested.has(name);
  }

  /**
   * The file tests `name` for being set and arms a timer with it under that test (`guarded-timers.ts`): a 0 there
   * means "no timer", no limit.
   */
  disables(name: string | undefined): boolean {
    if (name === undefined || !this.tested.has(name) || !this.armed.has(name)) return false;
    // `if (timeout > 0) this._socket.setTimeout(timeout, () => this.close())` while ending the socket: a force-close
    // switched off, the close left to the peer; no wait goes without its bound.
    if (this.closing.only(name)) return false;
    const guards = this.testedAt.get(name)!.filter((at) => !this.answeredAt.has(at));
    return this.guards.guarded(name, guards);
  }

  private addTested(raw: EsNode, depth: number): void {
    if (depth > 3) return;
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) {
      this.tested.add(name);
      push(this.testedAt, name, span(node)[0]);
      if (!this.answeredAt.has(span(node)[0])) this.guards.tested(name, node);
      return;
    }
    if (node.type === "UnaryExpression" && node.operator === "!") this.addTested(node.argument as EsNode, depth + 1);
    else if (node.type === "LogicalExpression") {
      this.addTested(node.left as EsNode, depth + 1);
      this.addTested(node.right as EsNode, depth + 1);
    } else if (node.type === "BinaryExpression" && ZERO_TESTS.test(node.operator as string)) {
      const left = unwrap(node.left as EsNode);
      const right = unwrap(node.right as EsNode);
      // `this.timeout >= 1` (xmlhttprequest-ts) is `> 0` for whole milliseconds: a test for being set too.
      const one = (side: EsNode) => side.type === "Literal" && side.value === 1;
      if (isZero(right) || (one(right) && /^(>=|<)$/.test(node.operator as string))) this.addTested(left, depth + 1);
      else if (isZero(left)) this.addTested(right, depth + 1);
    }
  }

  /** `timeoutInMs - offset`, `this.timeout * 1000`: the names a delay is computed from. */
  private addNames(set: Set<string>, raw: EsNode, depth: number, arming = false): void {
    if (depth > 3) return;
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) {
      set.add(name);
      if (arming) this.guards.armed(name, node);
    } else if (node.type === "BinaryExpression" || node.type === "LogicalExpression") {
      this.addNames(set, node.left as EsNode, depth + 1, arming);
      this.addNames(set, node.right as EsNode, depth + 1, arming);
    }
  }
}

function push<T>(map: Map<string, T[]>, name: string, at: T): void {
  const list = map.get(name);
  if (list) list.push(at);
  else map.set(name, [at]);
}
