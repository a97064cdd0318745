// Nothing in this file may be flagged.
import { config } from "@org/config";
import axios from "axios";

declare const url: string, page: { waitForTimeout(ms: number): Promise<void> }, cy: { wait(x: string | number): void };

// timeout: 5000 in a comment, and timeout=5 too
/* { timeout: 5000 } in a block comment */
const text = "timeout: 5000";
const template = `timeout: ${5000}`;
const timeoutCount = 5;
const maxTimeouts = 3;
const timeouts = [1, 2, 3];
const timeoutId = undefined;
let retries = 3;

await fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });
fetch(url, { timeout: config.TIMEOUT });
fetch(url, { timeout: config.TIMEOUT * 2 });
fetch(url, { timeout: config.timeouts.connect });
fetch(url, { timeout: undefined });
fetch(url, { timeout: null });
fetch(url, { timeout: "5s" });
setTimeout(() => {}, 5000);
window.setTimeout(() => {}, 5000);
globalThis.setTimeout(() => {}, 100);
setInterval(() => {}, 1000);
await new Promise((resolve) => setTimeout(resolve, 250));
cy.wait("@getUser");
await page.waitForTimeout(config.TIMEOUT);
// Sleeps: Puppeteer/Playwright `waitForTimeout(ms)` and Cypress `cy.wait(ms)` wait the given time; nothing is bounded.
await page.waitForTimeout(2000);
cy.wait(5000);
const counters = { timeoutCount: 0, max_timeouts: 3, retries: 5 };

function passThrough(timeout: number) {
  return fetch(url, { signal: AbortSignal.timeout(timeout) });
}
function fromOptions(options: { timeout: number }) {
  const { timeout } = options;
  return fetch(url, { timeout, other: 5000 });
}

type Options = { timeout: 5000 };
interface Settings {
  timeout: 30000;
}
function typed(): { timeout: 5000 } | undefined {
  return undefined;
}
it("has no trailing number", async () => {});
it("passes the timeout from config", async () => {}, config.timeouts.test);
const enumLike = { SHORT: 1000, LONG: 60000 };
export {
  text,
  template,
  timeoutCount,
  maxTimeouts,
  timeouts,
  timeoutId,
  retries,
  counters,
  passThrough,
  fromOptions,
  enumLike,
  typed,
};
export type { Options, Settings };
const ruleTable = { "no-hardcoded-timeout": { defaultSeverity: 2 }, "request-timeout": { retries: 2 } };
const policy = { timeout: { retries: 2, jitter: 0.5 } };
export { ruleTable, policy };
declare const retry: (fn: () => void, options: object) => void;
retry(() => {}, { retries: 3, minDelayMs: 100, factor: 2 });
const parsed = { timeout: Number.parseInt(process.env.TIMEOUT_MS ?? "", 10) };
new Promise((_, reject) => setTimeout(() => reject(new Error("timeout after 5000 ms")), config.TIMEOUT));
export { parsed };
axios.get(url, { timeout: -1 }); // a negative value is a sentinel ("unset"), not a duration
import * as timers from "node:timers/promises";
await timers.setTimeout(250);
