// A deadline that fires through an event: inside `new Promise((resolve, reject) => ...)`, `setTimeout(() =>
// stream.emit("close"), 20000)` beside `stream.once("close", () => { if (!done) reject(new Error("closed before
// ...")); ... })`. The timer's callback only emits the event; the executor's own listener for that event on that
// object rejects the promise, so when the timer fires the wait ends (failed if what it waited for has not come): the
// delay is the wait's deadline. Known by the flow (the emitted event reaches a listener of the same object in the
// same executor, whose handler calls the executor's `reject`), not by the event's name. A timer that emits an event
// no listener of the executor rejects on (a grace period before a close nothing waits for, a listener that only
// resolves with what it collected) is not a deadline here.
import { calleePath, type EsNode, FUNCTION_TYPES, span, unwrap } from "./ast.ts";
import { boundFunction, ownText } from "./callback-body.ts";
import { escape } from "./promise-executors.ts";
import { TIMER_CALLS } from "./timers.ts";

/** Methods that register a listener for an event. */
const LISTENS = /\.(on|once|addListener|prependListener|prependOnceListener)$/;

/** `stream.emit("close")` in a callback's text: the object as written and the event. */
const EMITS = /(?<![\w$.])([\w$]+(?:\.[\w$]+)*)\s*\.\s*emit\s*\(\s*(["'])([^"'\\]+)\2/g;

type Listener = { object: string; event: string; at: number; handler: EsNode };
type Executor = { from: number; to: number; reject: string };

export class EmittedRejections {
  private readonly listeners: Listener[] = [];
  private readonly executors: Executor[] = [];

  constructor(private readonly source: string) {}

  /** `new Promise((resolve, reject) => ...)`, `o.once("event", handler)`: the walk's calls and constructions. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const path = calleePath(node.callee as EsNode) ?? "";
    if (node.type === "NewExpression") {
      const executor = path === "Promise" && args[0] ? unwrap(args[0]) : undefined;
      const reject = executor && FUNCTION_TYPES.has(executor.type) ? (executor.params as EsNode[])[1] : undefined;
      if (executor && reject?.type === "Identifier") {
        const [from, to] = span(executor);
        this.executors.push({ from, to, reject: reject.name as string });
      }
      return;
    }
    const event = args[0] && unwrap(args[0]);
    const handler = args[1] && unwrap(args[1]);
    const callee = unwrap(node.callee as EsNode);
    if (
      !LISTENS.test(path) ||
      callee.type !== "MemberExpression" ||
      event?.type !== "Literal" ||
      typeof event.value !== "string" ||
      !handler ||
      !FUNCTION_TYPES.has(handler.type)
    )
      return;
    const [objectFrom, objectTo] = span(callee.object as EsNode);
    const object = this.source.slice(objectFrom, objectTo).replace(/\s+/g, "");
    this.listeners.push({ object, event: event.value, at: span(node)[0], handler });
  }

  /** Whether the timer call's callback emits an event that the executor around it rejects the promise on. */
  ends(timer: EsNode): boolean {
    if (this.listeners.length === 0 || this.executors.length === 0) return false;
    const args = timer.arguments as EsNode[];
    if (!TIMER_CALLS.test(calleePath(timer.callee as EsNode) ?? "") || args.length < 2) return false;
    const callback = boundFunction(args[0]!);
    if (!FUNCTION_TYPES.has(callback.type)) return false;
    const [at] = span(timer);
    let executor: Executor | undefined;
    for (const candidate of this.executors)
      if (candidate.from < at && at < candidate.to && (!executor || candidate.from > executor.from))
        executor = candidate;
    if (!executor) return false;
    const rejects = new RegExp(`(?<![\\w$.])${escape(executor.reject)}\\s*\\(`);
    const body = ownText(callback, this.source).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
    for (const [, object, , event] of body.matchAll(EMITS)) {
      const listened = this.listeners.some(
        (listener) =>
          listener.object === object &&
          listener.event === event &&
          executor.from < listener.at &&
          listener.at < executor.to &&
          rejects.test(ownText(listener.handler, this.source)),
      );
      if (listened) return true;
    }
    return false;
  }
}
