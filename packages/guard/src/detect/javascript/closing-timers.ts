// A force-close armed while ending a socket: `end() { const timeout = this.options.socketEndCloseTimeout; if (timeout
// > 0) this._socket.setTimeout(timeout, () => this.close()); ...; this._socket.end(); }` (SAP's AMQP and MQTT
// clients). The operation is over; the timer only cuts short a close the peer is slow to answer. A 0 there switches the
// forced close off (as `socket.setTimeout(0)` after the phase it guarded): it leaves no wait without its bound, so the
// test for being set around it is no evidence of a "no limit". An idle timer of a socket that its function does not
// end (a request's socket, a connection's inactivity), and any plain timer, keep their meaning.
// Only the shape of that evidence counts (review17 item 3): the idle timer is armed on the object's own socket (a path
// from `this`, as `this._socket`), and its callback only closes, handing on no error (`() => this.close()`,
// `() => this._socket.destroy()`). A request's timer, `req.setTimeout(t, () => req.destroy(new Error(...)))` beside
// the `req.end()` that sends it, bounds the wait for the response: its 0 keeps meaning "no limit".
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** `socket.setTimeout(ms[, fn])`, `socket.end()`: the object path before the method. */
const IDLE_TIMER = /^(?!(window|globalThis|global|self|timers)\.setTimeout$)(.+)\.setTimeout$/;
const INLINE_FUNCTION = /^(ArrowFunctionExpression|FunctionExpression)$/;
const ENDING = /^(.+)\.end$/;
/** The object's own socket: `this._socket`, `this.socket.raw`. */
const OWN_SOCKET = /^this\.[^.]+(\.[^.]+)*$/;

/** A timer armed with names: the socket for an idle timer (none for a plain timer), where. */
type Arm = { readonly names: readonly string[]; readonly socket: string | undefined; readonly at: number };

/** Collected during the one walk by `ZeroFacts`; asked after it. */
export class ClosingTimers {
  /** Every timer armed with a name: the names, the socket for an idle timer (none for a plain timer), where. */
  private readonly arms: Arm[] = [];
  /** `this._socket.end()`: ended objects, by path, with where. */
  private readonly endings = new Map<string, number[]>();
  /** Names every one of whose timers is a force-close of a socket its function ends; built on the first question. */
  private closingOnly: Set<string> | undefined;
  /** The arms by name, built on the first question, and `onlyIn`'s answers by name and function. */
  private byName: Map<string, Arm[]> | undefined;
  private readonly answers = new Map<string, boolean>();
  /** How many timers and endings the walk has recorded, and how many the answers were built on. */
  private seen = 0;
  private answeredAt = 0;

  /** `functionSpans`: [start, end) of every function in document order, filled by the same walk. */
  constructor(private readonly functionSpans: readonly [number, number][]) {}

  /** Any call: `x.end()` ends `x`. */
  call(node: EsNode, callee: string | undefined): void {
    const ending = callee === undefined ? null : ENDING.exec(callee);
    if (!ending) return;
    this.seen++;
    const list = this.endings.get(ending[1]!);
    if (list) list.push(span(node)[0]);
    else this.endings.set(ending[1]!, [span(node)[0]]);
  }

  /** A timer call (`setTimeout(fn, t)`, `socket.setTimeout(t, fn)`) armed with `names`. */
  armed(node: EsNode, callee: string, names: readonly string[]): void {
    if (names.length === 0) return;
    // `socket.setTimeout(ms, fn)` takes its delay first; `window.setTimeout(fn, ms)` is a plain timer.
    const first = (node.arguments as EsNode[])[0];
    const inline = first !== undefined && INLINE_FUNCTION.test(unwrap(first).type);
    const idle = first && !inline ? IDLE_TIMER.exec(callee) : null;
    const socket = idle && OWN_SOCKET.test(idle[2]!) && onlyCloses((node.arguments as EsNode[])[1], idle[2]!);
    this.arms.push({ names, socket: socket ? idle[2] : undefined, at: span(node)[0] });
    this.seen++;
  }

  /** The answers so far hold for what the walk has seen (a question asked during it is answered again after). */
  private fresh(): void {
    if (this.answeredAt === this.seen) return;
    this.closingOnly = undefined;
    this.byName = undefined;
    this.answers.clear();
    this.answeredAt = this.seen;
  }

  /** Every timer the file arms with `name` is a force-close of a socket that the timer's function ends. */
  only(name: string): boolean {
    this.fresh();
    return (this.closingOnly ??= this.resolve()).has(name);
  }

  /**
   * In the function around `at`, every timer armed with `name` (one at least) is a force-close of a socket it ends:
   * `const timeout = this.options.socketEndCloseTimeout` in `end()`, where `timeout` also names other timers elsewhere.
   */
  onlyIn(name: string, at: number): boolean {
    this.fresh();
    const [from, to] = innermostFunction(this.functionSpans, at) ?? [0, Number.POSITIVE_INFINITY];
    const key = `${name}:${from}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      const arms = (this.byName ??= this.index()).get(name) ?? [];
      // The arms are in document order (the walk is pre-order): the function's are one run, found by bisection.
      let low = 0;
      let high = arms.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (arms[mid]!.at < from) low = mid + 1;
        else high = mid;
      }
      answer = low < arms.length && arms[low]!.at < to;
      for (let i = low; answer && i < arms.length && arms[i]!.at < to; i++) answer = this.ends(arms[i]!, from, to);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private index(): Map<string, Arm[]> {
    const byName = new Map<string, Arm[]>();
    for (const arm of this.arms)
      for (const name of arm.names) {
        const list = byName.get(name);
        if (list) list.push(arm);
        else byName.set(name, [arm]);
      }
    return byName;
  }

  /** An idle timer whose socket the function `[from, to)` ends. */
  private ends(arm: Pick<Arm, "socket">, from: number, to: number): boolean {
    return arm.socket !== undefined && (this.endings.get(arm.socket) ?? []).some((end) => from <= end && end < to);
  }

  private resolve(): Set<string> {
    const closing = new Set<string>();
    const other = new Set<string>();
    for (const { names, socket, at } of this.arms) {
      const [from, to] = innermostFunction(this.functionSpans, at) ?? [0, Number.POSITIVE_INFINITY];
      const ends = this.ends({ socket }, from, to);
      for (const name of names) (ends ? closing : other).add(name);
    }
    for (const name of other) closing.delete(name);
    return closing;
  }
}

/**
 * `() => this.close()`, `function () { this._socket.destroy(); }`: a callback whose one statement closes the object or
 * `socket`, with no argument (no error handed on, so the timer's firing is no failure of a wait).
 */
function onlyCloses(raw: EsNode | undefined, socket: string): boolean {
  const callback = raw && unwrap(raw);
  if (!callback || !INLINE_FUNCTION.test(callback.type)) return false;
  let body = unwrap(callback.body as EsNode);
  if (body.type === "BlockStatement") {
    const statements = body.body as EsNode[];
    if (statements.length !== 1 || statements[0]!.type !== "ExpressionStatement") return false;
    body = unwrap(statements[0]!.expression as EsNode);
  }
  if (body.type !== "CallExpression" || (body.arguments as EsNode[]).length > 0) return false;
  const path = calleePath(body.callee as EsNode);
  return path !== undefined && [`${socket}.destroy`, `${socket}.end`, "this.close", "this.destroy"].includes(path);
}
