// `requestIdleCallback(cleanup, { timeout: 5000 })` (rwsdk's navigation cache, fresh404): the browser runs the callback
// when it is idle, or once `timeout` has passed if it never is. The value says how long the work may be put off, not
// how long anything waits for an answer: nothing fails or gives up when it passes. (Awaited, `await new Promise((r) =>
// requestIdleCallback(r, { timeout: 2000 }))` is a pause until idle, capped: a delay, not a deadline.)
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";

/** The browser's own `requestIdleCallback`, called bare or on the global object. */
const IDLE_CALLBACK = /^(?:(?:window|globalThis|self)\.)?requestIdleCallback$/;

/** The span of the options object of a `requestIdleCallback(callback, options)` call, if `node` is one. */
export function idleCallbackOptions(node: EsNode): [number, number][] {
  if (!IDLE_CALLBACK.test(calleePath(node.callee as EsNode) ?? "")) return [];
  const options = (node.arguments as EsNode[])[1];
  return options && unwrap(options).type === "ObjectExpression" ? [span(options)] : [];
}
