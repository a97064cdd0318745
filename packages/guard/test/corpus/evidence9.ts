// JS `no-unbounded-timeout` by evidence (session 9, issue 9): the code's own 0, `false` or Infinity (a default, a
// field, a table's entry) is reported only where the file shows it reaching a wait. fresh9's false positives were
// values nothing waits on that look like the true ones: the name alone says nothing.
import { Suite } from "mocha";
import MochaSuite from "mocha/lib/suite.js";
import * as http from "node:http";

declare const listeners: { emit(event: string, data: unknown): void };
declare const request: { destroy(): void };
declare const done: (error?: Error) => void;
declare function timer(ms: number): unknown;
declare function delay(fn: () => void, ms: number): void;
declare const Timeout: { expires(ms: number): unknown };

// Rate-limit data handed to listeners: an info field, nothing waits on it.
export function rateLimited(limit: number): void {
  listeners.emit("rateLimited", { limit, sublimitTimeout: 0 });
}
export const info = { retryAfter: 1, sublimitTimeout: 0 };
// A default config whose key nothing in the file reads.
export const defaults = { stepTimeout: 0, output: "./output" };
// A browser pref: the hang monitor switched off.
export const prefs = { "hangmonitor.timeout": 0, "browser.shell.checkDefaultBrowser": false };
// A pause between polls: 0 polls again at once.
export function next(wait: boolean, interval: number, poll: () => void): void {
  let pauseTimeout;
  if (wait) pauseTimeout = interval;
  else pauseTimeout = 0;
  delay(poll, pauseTimeout * 1000);
}

// A defaults table whose values a local function arms a timer with only when set (needle's `set_timeout`).
export const needleDefaults = { open_timeout: 10000, read_timeout: 0 }; // expect: no-hardcoded-timeout, no-unbounded-timeout
export function send(config: typeof needleDefaults): void {
  let handle: ReturnType<typeof setTimeout> | undefined;
  function setTimer(type: string, milliseconds: number): void {
    if (handle) clearTimeout(handle);
    if (milliseconds <= 0) return;
    handle = setTimeout(() => {
      request.destroy();
      done(new Error(`${type} timeout`));
    }, milliseconds);
  }
  setTimer("read", config.read_timeout);
}

// The code says what its 0 means.
export const serverDefaults = {
  requestTimeout: 0, // no limit // expect: no-unbounded-timeout
  connectionTimeout: 0, // 0 sec
};
export class FtpContext {
  timeout: number;
  /**
   * @param timeout - Timeout in milliseconds to apply to control and data connections. Use 0 for no timeout.
   */
  constructor(timeout = 0) { // expect: no-unbounded-timeout
    this.timeout = timeout;
  }
}

// An Infinity the code tells apart before arming its timer.
export function waitOn(options: { timeout?: number }): unknown {
  const timeout = options.timeout ?? Infinity; // expect: no-unbounded-timeout
  return timeout !== Infinity ? timer(timeout) : undefined;
}
// An Infinity nothing tests: the test helper's own guard fails first.
export function waitFor(options: { waitTimeout?: number }): number {
  const waitTimeout = options.waitTimeout ?? Infinity;
  return waitTimeout;
}

// A fallback stored under another name, and that name armed only when set.
export class Join {
  timer: number;
  constructor(n: { timeout?: string }) {
    this.timer = Number(n.timeout || 0) * 1000; // expect: no-unbounded-timeout
  }
  arm(onTimeout: () => void): void {
    if (this.timer > 0) setTimeout(onTimeout, this.timer);
  }
}

// A fallback handed to a timeout built from it.
export function checkOut(options: { waitQueueTimeoutMS?: number }): unknown {
  const settings = { waitQueueTimeoutMS: options.waitQueueTimeoutMS ?? 0 }; // expect: no-unbounded-timeout
  const waitQueueTimeoutMS = settings.waitQueueTimeoutMS;
  return Timeout.expires(waitQueueTimeoutMS);
}

// An option of a server a known API built: Node's 0 is "no request timeout".
export const server = http.createServer();
server.requestTimeout = 0; // expect: no-unbounded-timeout

// Suites mocha's own API builds: their timeout is mocha's, 0 runs them without a limit.
export function feature(title: string): Suite {
  const suite = new Suite(title);
  suite.timeout(0); // expect: no-unbounded-timeout
  return suite;
}
export function createSuite(parent: Suite, title: string): Suite {
  const suite = MochaSuite.create(parent, title);
  suite.timeout(0); // expect: no-unbounded-timeout
  return suite;
}
// Not mocha's: an object of the code's own whose `timeout(0)` says nothing.
declare function makeSuite(): { timeout(ms: number): void };
const own = makeSuite();
own.timeout(0);

// An Infinity added to a clock: a deadline it never reaches. The function is the wait, so its own default is its
// caller's choice (the labelling rule; session 15): not reported. A field the object keeps for later waits is.
export async function waitForPropagation(poll: () => Promise<boolean>, timeout = Infinity): Promise<void> {
  const started = Date.now();
  const endOfTime = started + timeout;
  while (!(await poll())) if (Date.now() > endOfTime) throw new Error("not propagated");
}

export class Propagation {
  private readonly propagationTimeout: number;
  constructor(options: { propagationTimeout?: number }) {
    this.propagationTimeout = options.propagationTimeout ?? Infinity; // expect: no-unbounded-timeout
  }
  async wait(poll: () => Promise<boolean>): Promise<void> {
    const started = Date.now();
    const endOfTime = started + this.propagationTimeout;
    while (!(await poll())) if (Date.now() > endOfTime) throw new Error("not propagated");
  }
}
