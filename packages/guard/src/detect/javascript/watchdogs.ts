// Timers that watch something and end it when it overstays: a process that exits when the work it started has not
// ended in time (update-notifier's `setTimeout(process.exit, 1000 * 30)` before its `await fetchInfo()`), and a
// liveness check that compares how long a connection has been silent with the timer's own delay (stream-chat's
// `now - lastEvent > this.connectionCheckTimeout`, then reconnect). Their delays bound a wait, whatever the callback's
// other words say (a reconnect after a liveness check is no renewal schedule).
import { calleePath, type EsNode, FUNCTION_TYPES, span } from "./ast.ts";
import { ownText } from "./callback-body.ts";

/** A call that ends the running process. */
const EXITS = /\bprocess\.(exit|abort|reallyExit)\s*\(/;

/** An exit with a failure status (`process.exit(1)`), and one with success (`process.exit(0)`, `process.exit()`). */
const FAILING_EXIT = /process\.exit\(\s*[1-9]/;
const SUCCEEDING_EXIT = /process\.exit\(\s*0?\s*\)/;

/** A clock read: the time now, or the time of an event (`lastEvent.getTime()`). */
const CLOCK = /\bDate\b|\bnow\b|\.getTime\s*\(|\bperformance\.now\b|\bhrtime\b/;

/** `setTimeout(process.exit, ms)`, `setTimeout(() => { log(); process.exit(1) }, ms)`: the callback ends the process. */
export function exitsProcess(callback: EsNode, source: string): boolean {
  if (callback.type === "MemberExpression") return /^process\.(exit|abort)$/.test(calleePath(callback) ?? "");
  if (!FUNCTION_TYPES.has(callback.type)) return false;
  return EXITS.test(ownText(callback, source).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ""));
}

/**
 * Whether the timer at `timer` guards work that goes on after it is armed: it is `unref()`ed (it must not keep the
 * process alive, so it only fires if something else still does), or the function it is armed in awaits something
 * after it (`setTimeout(process.exit, 30_000); const update = await fetchInfo();`). An exit timer that is the last
 * thing a handler does (a pause before exiting, node-resque's example after a failure) guards nothing.
 */
export function guardsWorkAfter(timer: EsNode, around: [number, number], source: string): boolean {
  const [, end] = span(timer);
  if (/^\s*\.\s*unref\s*\(/.test(source.slice(end, end + 40))) return true;
  return /\bawait\b/.test(source.slice(end, around[1]));
}

/**
 * Whether an exit timer fails the process while the code it is armed beside ends it well (agentgui's smoke test: the
 * socket's message handler exits 0 on the reply, `setTimeout(() => { console.error("overall timeout");
 * process.exit(1) }, 15000)`; its server's SIGTERM handler: `server.close(() => process.exit(0))`, then
 * `setTimeout(() => process.exit(1), 5000)`): the two exits race, and the failing one is given up on whatever has not
 * ended. `around` is the innermost function around the timer (the file at the top level). An exit timer that is the
 * last step after a failure (nothing beside it exits 0) stays a pause before exiting.
 */
export function racesSucceedingExit(callback: EsNode, around: [number, number], source: string): boolean {
  const [from, to] = span(callback);
  const own = FUNCTION_TYPES.has(callback.type) ? ownText(callback, source) : "";
  if (!FAILING_EXIT.test(own) || SUCCEEDING_EXIT.test(own)) return false;
  return SUCCEEDING_EXIT.test(source.slice(around[0], from) + source.slice(to, around[1]));
}

/**
 * `setTimeout(() => { if (now - this.lastEvent > this.connectionCheckTimeout) this.reconnect() }, this.connectionCheckTimeout)`:
 * the callback compares elapsed time with the timer's own delay, so the delay is how long silence is allowed.
 */
export function comparesElapsed(body: string, delay: string): boolean {
  if (!CLOCK.test(body)) return false;
  const name = delay.replace(/\s+/g, "").replace(/[.$]/g, (c) => `\\${c}`);
  if (name === "" || !/^[\w$\\.]+$/.test(name)) return false;
  return new RegExp(`(?<!=)[<>]=?${name}(?![\\w$])|(?<![\\w$.])${name}[<>]`).test(body.replace(/\s+/g, ""));
}
