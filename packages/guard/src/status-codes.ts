// HTTP status codes named like timeouts (`STATUS_CODE_REQUEST_TIMEOUT = 408`, `HTTP_GATEWAY_TIMEOUT = 504`): codes a
// client compares a response's status with, not durations. Shared by the JavaScript and Python detectors.
import { words } from "./name-words.ts";

/** The statuses whose reason phrase names a timeout: 408, 504, Cloudflare's 522 and 524, the proxies' 598 and 599. */
const TIMEOUT_STATUSES = new Set([408, 504, 522, 524, 598, 599]);

/** The reason phrase's word before "timeout" that names the code alone (`REQUEST_TIMEOUT = 408`). */
const REASON: Record<number, string> = { 408: "request", 504: "gateway" };

/**
 * `STATUS_CODE_REQUEST_TIMEOUT = 408`, `HTTP_GATEWAY_TIMEOUT = 504`, `REQUEST_TIMEOUT = 408`: a timeout status's
 * number bound to a name that says status, code or HTTP before its timeout word, or that is the status' own reason
 * phrase. Only those numbers: `HTTP_TIMEOUT = 30`, `lb_status_timeout = 600` are durations.
 */
export function isTimeoutStatusCode(name: string | undefined, value: number | undefined): boolean {
  if (name === undefined || value === undefined || !TIMEOUT_STATUSES.has(value)) return false;
  const parts = words(name);
  const at = parts.findIndex((w) => w.endsWith("timeout") || w === "time");
  if (at < 0) return false;
  const before = parts.slice(0, at);
  return before.some((w) => /^(status|statuses|code|codes|https?)$/.test(w)) || before.at(-1) === REASON[value];
}
