// A file whose requests carry an abort signal that fires after a duration (`AbortSignal.timeout(ms)`, raced with the
// caller's own signal by `AbortSignal.any`): that signal bounds each request it makes, every phase of it. undici's own
// transport timers (its connector's connect timeout, a dispatcher's headers and body timeouts), switched off in such a
// file, leave no wait without a bound (pubnub's `buildConnector({ timeout: 0 })` beside `AbortSignal.timeout(req.timeout
// * 1000)`; qdrant said the same in a comment). Other receivers' 0 stands: the signal bounds the file's requests, not a
// browser's navigation or a driver's query.
import { calleePath, type EsNode, unwrap } from "./ast.ts";

/** undici's dispatchers and connector (`Agent`, `Pool`, `Client`, `ProxyAgent`, `buildConnector`, ...), as imported. */
const UNDICI = /^undici\./;

/** Collected during the one walk (`collect.ts` hands it calls); asked when a 0 switches a transport timer off. */
export class SignalDeadlines {
  private armed = false;

  call(node: EsNode): void {
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
}
