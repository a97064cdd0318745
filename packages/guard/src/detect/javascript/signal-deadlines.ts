// A file whose requests carry an abort signal that fires after a duration (`AbortSignal.timeout(ms)`, raced with the
// caller's own signal by `AbortSignal.any`): that signal bounds each request it makes, every phase of it. undici's own
// transport timers (its connector's connect timeout, a dispatcher's headers and body timeouts), switched off in such a
// file, leave no wait without a bound (pubnub's `buildConnector({ timeout: 0 })` beside `AbortSignal.timeout(req.timeout
// * 1000)`; qdrant said the same in a comment). Other receivers' 0 stands: the signal bounds the file's requests, not a
// browser's navigation or a driver's query.
//
// In a test file, a signal handed to a call whose test expects the abort (`test("x", { signal: AbortSignal.timeout(1) },
// (t) => { t.signal.addEventListener("abort", done) })`) is the abort under test (`scripted-abort.ts`), not a bound.
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";
import { signalDuration } from "./request-bounds.ts";
import { expectsAbort } from "./scripted-abort.ts";

/** A test runner's call with a title: a function holding one is a suite's body, not a test's. */
const HOLDS_TESTS = /\b(it|test|specify)(\.\w+)?\s*\(\s*['"`]/;

/** undici's dispatchers and connector (`Agent`, `Pool`, `Client`, `ProxyAgent`, `buildConnector`, ...), as imported. */
const UNDICI = /^undici\./;

/** Collected during the one walk (`collect.ts` hands it calls); asked when a 0 switches a transport timer off. */
export class SignalDeadlines {
  private armed = false;
  /** `{ signal: AbortSignal.timeout(1) }` given to a call: the signal (`AbortSignal.timeout(1)`), and the call's span. */
  private readonly handedTo = new Map<EsNode, [number, number]>();

  call(node: EsNode): void {
    for (const arg of node.arguments as EsNode[])
      if (arg.type === "ObjectExpression")
        for (const property of arg.properties as EsNode[])
          if (property.type === "Property" && signalDuration(property))
            this.handedTo.set(unwrap(property.value as EsNode), span(node));
    if (this.armed || calleePath(node.callee as EsNode) !== "AbortSignal.timeout") return;
    const [delay] = node.arguments as EsNode[];
    // `AbortSignal.timeout(0)` aborts at once: no request of the file is bounded by it.
    const value = delay === undefined ? undefined : unwrap(delay);
    this.armed = value !== undefined && !(value.type === "Literal" && value.value === 0);
  }

  /** A 0 given to `receiver` (as its module names it) switches off a transport timer the file's signal replaces. */
  replaces(receiver: string | undefined): boolean {
    return this.armed && receiver !== undefined && UNDICI.test(receiver);
  }

  /**
   * Whether `signal` (`AbortSignal.timeout(1)` in `{ signal: ... }`), in a test file, is the abort the test then checks:
   * the call it is handed to, or a function around it (`enclosing()`, innermost first, asked only of such a signal),
   * expects the abort.
   */
  scripted(signal: EsNode, source: string, enclosing: () => readonly [number, number][]): boolean {
    const call = this.handedTo.get(unwrap(signal));
    if (call === undefined) return false;
    // Up to the test's own callback: a suite's (`describe("interface-transport", () => { ... })`) holds other tests,
    // and one of them expecting an abort (@libp2p's "abort before dialing throws AbortError") says nothing of this one.
    const around: [number, number][] = [];
    for (const fn of enclosing().slice(0, 3)) {
      if (HOLDS_TESTS.test(source.slice(fn[0] + 1, fn[1]))) break;
      around.push(fn);
    }
    return expectsAbort(source, span(signal), [call, ...around]);
  }
}
