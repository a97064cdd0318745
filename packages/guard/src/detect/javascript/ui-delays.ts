// Names that usually say a UI delay (`names.ts`'s `isUiDelayName`: `showTimeout`, `GH_TAP_TIMEOUT`, `trailingTimeout`)
// are released only when the file shows the value reaching no wait. Handed to a call (`waitUntil(cond,
// this.showTimeout)`, `{ timeout: this.hoverTimeout }`) or the delay of a timer that aborts, destroys, rejects or fails
// (`setTimeout(() => req.abort(new Error("x")), this.hoverTimeout)`), it bounds a wait like any timeout. A handle
// cleared by that name (SmartMenus' `clearTimeout(this.showTimeout)`, its timer kept under the option's name) is not.
import { type EsNode, isNode, referenceName, unwrap } from "./ast.ts";
import { endsWhenCalled } from "./callback-scope.ts";
import { delayNames } from "./delay-names.ts";

/** Calls whose arguments are a timer's handle or a delay, not a wait's bound; and logs, which bound nothing. */
const NOT_A_WAIT = /^(clearTimeout|clearInterval|setTimeout|setInterval|setImmediate|log|debug|info|warn|error|trace)$/;

/** Calls that wait for queued work to be sent or a client to stop, given how long to wait at most. */
const FLUSH = /^(flush|forceFlush|close|shutdown)$/;

/** What the file shows of its timeout-looking names reaching a wait, for those named like a UI delay. */
export class UiDelays {
  /** Names in the delay of a timer whose callback ends or fails something (`endsWhenCalled`). */
  private readonly ending = new Set<string>();
  /** Names handed to a call other than a timer's (`NOT_A_WAIT`) or written as an object literal's value. */
  private readonly handed = new Set<string>();

  /**
   * Timeout-looking names handed as the first argument of a flush or a close (`node.flush(options.flushTimeout)`,
   * Sentry's and OpenTelemetry's `forceFlush(timeoutMillis)`): how long the caller waits for queued work to be sent, a
   * bound whatever the name's words say (`flushTimeout` usually names a batching delay, `names.ts`' PACING).
   */
  readonly flushBounds = new Set<string>();

  /** A call (`callee`: the name it calls) or `new`: its arguments named alone may be a wait's bound. */
  call(callee: string | undefined, args: readonly EsNode[]): void {
    if (callee !== undefined && NOT_A_WAIT.test(callee)) return;
    if (callee !== undefined && args[0] && FLUSH.test(callee)) {
      const first = referenceName(unwrap(args[0]));
      if (first !== undefined && /timeout/i.test(first)) this.flushBounds.add(first);
    }
    for (const arg of args) this.hand(arg);
  }

  /** `{ timeout: this.hoverTimeout }`: an option handed on with the object. */
  object(node: EsNode): void {
    for (const property of node.properties as EsNode[])
      if (property.type === "Property" && isNode(property.value)) this.hand(property.value);
  }

  private hand(raw: EsNode): void {
    const name = referenceName(unwrap(raw));
    if (name !== undefined) this.handed.add(name);
  }

  /** A timer with a timeout-looking delay: its names reach a wait when its callback ends or fails something. */
  timer(callback: EsNode, delay: EsNode, source: string): void {
    if (!endsWhenCalled(callback, source)) return;
    for (const name of delayNames(delay)) this.ending.add(name);
  }

  /** Whether the file shows `name` reaching a wait: handed to a call or an object, or a timer's delay that ends something. */
  reachesWait(name: string): boolean {
    return this.handed.has(name) || this.ending.has(name);
  }
}
