// What a timer call looks like: calls named like a timer, timers armed delay first with a listener, and the word
// that says a delay is a timeout (judging what a timer's callback does is timer-effects.ts).
import { timeoutWord } from "../../name-words.ts";
import { type EsNode, FUNCTION_TYPES, unwrap } from "./ast.ts";

/** Calls named like a timer (`setTimeout`, `timing.setTimeout`, `(0, timers_1.setTimeout)`). */
export const TIMER_NAME = /^setTimeout$/;
/** A name or delay text that says it is a timeout (`names.ts`, the one source of the word). */
export const TIMEOUT_WORD = timeoutWord("js", "i");

/**
 * Timers armed delay first with a listener after it: Node's `socket.setTimeout(ms, listener)` (a socket, request or
 * server: the listener is called, nothing is closed unless it closes it), a helper that makes a timer
 * (`createTimeout(1000, () => console.warn(...))`). Not a promise-bounding helper (`pTimeout(p, ms, fallback)`).
 */
export const LISTENER_TIMER = /^(setTimeout|(create|make|start)(Timeout|Timer))$/;

export type Timer = { call: EsNode; callback: EsNode; delay: EsNode };

/** A function written in place (`() => ...`, `function () {}`), through parentheses and casts. */
export function isFunctionNode(raw: EsNode): boolean {
  return FUNCTION_TYPES.has(unwrap(raw).type);
}

/** `.on("timeout", ...)`, `.once('timeout', ...)`: a listener of an idle timer's event added apart from its arming. */
const TIMEOUT_LISTENER = /\.(on|once|addListener|prependListener)\(\s*["'`]timeout["'`]/;

/**
 * `conn.setTimeout(60000, () => {})` (session 27): the listener does nothing and the file adds no other listener of
 * the `timeout` event, so when the idle time passes nothing ends, closes or fails: the delay bounds no wait. A
 * `socket.setTimeout(ms, () => socket.destroy())` and a bare `socket.setTimeout(ms)` beside `.on("timeout", ...)` stay.
 */
export function emptyListener(callback: EsNode, source: string): boolean {
  const fn = unwrap(callback);
  if (!FUNCTION_TYPES.has(fn.type)) return false;
  const body = fn.body as EsNode;
  return body.type === "BlockStatement" && (body.body as EsNode[]).length === 0 && !TIMEOUT_LISTENER.test(source);
}
