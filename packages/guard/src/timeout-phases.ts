// The phases one timeout object can name, shared by the JS and Python detectors.
/** Keys of a nested timeout object: the phases of one timeout (got, undici, httpx, aiohttp, Playwright). */
const TIMEOUT_PHASES = new Set(
  [
    "lookup",
    "connect",
    "secureConnect",
    "socket",
    "send",
    "response",
    "request",
    "read",
    "write",
    "pool",
    "total",
    "idle",
    "handshake",
    "headers",
    "body",
    "keepAlive",
    "upload",
    "download",
    "default",
    "max",
    "test",
    "hook",
    "navigation",
    "action",
    "expect",
    "global",
    "sock_connect",
    "sock_read",
  ].map((name) => name.toLowerCase()),
);

/** Whether a key inside a timeout object (`timeout: { request: 10000 }`) names one of its phases. */
export function isTimeoutPhase(name: string): boolean {
  return TIMEOUT_PHASES.has(name.toLowerCase());
}
