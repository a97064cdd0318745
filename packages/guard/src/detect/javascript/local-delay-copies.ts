// A timeout-looking value copied into a short local that is then only a timer's delay (session 27, guard-jsdisplay27):
// floating-vue's `const t = this.disposeTimeout; t !== null && (this.$_disposeTimer = setTimeout(() => ..., t))`.
// The timer's delay `t` says nothing, so the timer was never judged and `disposeTimeout: 150` in the defaults table
// stayed reported whatever the callback did. Here the local is followed back to the name it copies, in the function
// that declares it: when every other use of the local there is a test of it (`t !== null`, `t > 0`, `t &&`), the
// timer's verdict is the copied name's (a timer that bounds nothing makes it inert, any other makes it active).
import { type EsNode, span } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";
import type { Timer } from "./timer-calls.ts";

/** What may follow a local that is only tested: a comparison with nothing or zero, or a short-circuit test. */
const TEST_AFTER = /^\s*(?:(?:!==?|===?|[<>]=?)\s*(?:null|void 0|undefined|0)\b|&&|\?(?![.?]))/;

type Copy = { target: string; source: string; at: number };

/** The copies of timeout-looking names into other locals, and the timers whose delay is such a local. */
export class LocalDelayCopies {
  private readonly copies: Copy[] = [];
  private readonly timers: { timer: Timer; name: string }[] = [];

  constructor(
    private readonly source: string,
    private readonly functionSpans: readonly [number, number][],
  ) {}

  /** `const t = this.disposeTimeout`: `at` is where the copied value starts. */
  copy(target: string, source: string, value: EsNode): void {
    this.copies.push({ target, source, at: span(value)[0] });
  }

  /** `setTimeout(callback, t)`: a timer whose delay is the plain local `name`. */
  timer(timer: Timer, name: string): void {
    this.timers.push({ timer, name });
  }

  /**
   * The copied names whose local is only the delay of timers that bound nothing (`quiet`), and those whose local is
   * the delay of a timer that may end a wait (`active`).
   */
  finish(bounds: (timer: Timer) => boolean): { quiet: string[]; active: string[] } {
    const quiet: string[] = [];
    const active: string[] = [];
    for (const { timer, name } of this.timers) {
      const at = span(timer.call)[0];
      const scope = innermostFunction(this.functionSpans, at);
      if (scope === undefined) continue;
      const copies = this.copies.filter((c) => c.target === name && scope[0] <= c.at && c.at < scope[1] && c.at < at);
      if (copies.length !== 1 || !this.onlyDelay(name, copies[0]!, scope, timer.delay)) continue;
      (bounds(timer) ? quiet : active).push(copies[0]!.source);
    }
    return { quiet, active };
  }

  /** Every use of `name` in `scope` is its declaration by `copy`, the timer's delay or a test of it. */
  private onlyDelay(name: string, copy: Copy, scope: [number, number], delay: EsNode): boolean {
    const text = this.source.slice(scope[0], scope[1]);
    const [delayStart, delayEnd] = span(delay);
    const word = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    for (const match of text.matchAll(word)) {
      const at = scope[0] + match.index;
      const after = this.source.slice(at + name.length, Math.min(scope[1], at + name.length + 40));
      if (at >= delayStart && at < delayEnd) continue;
      if (at < copy.at && /^\s*=\s*$/.test(this.source.slice(at + name.length, copy.at))) continue;
      if (TEST_AFTER.test(after)) continue;
      return false;
    }
    return true;
  }
}
