// Families found on fresh6 (JS) and the scout7js sample (issue 9). `expect:` marks each line that must be flagged.
import axios from "axios";
import { Pool } from "undici";
import { SECOND } from "./units.ts";
import { execFile } from "node:child_process";

declare const client: {
  container: { stop(c: unknown, o: object): Promise<void>; restart(c: unknown, o: object): Promise<void> };
  down(o: object, p: object): Promise<void>;
};
declare function toSeconds(ms: number): number;
declare const container: { stop(o: object): Promise<void> };
declare const lockfile: { lock(file: string, o: object): Promise<() => Promise<void>> };
declare const retry: { operation(o: object): unknown };
declare function safeUnref<T>(timer: T): T;
declare function getNumberFromEnv(name: string): number | undefined;
declare const Timeout: { expires(ms: number): unknown };
declare const settings: { serverSelectionTimeoutMS?: number };
declare const Joi: { number(): { integer(): { default(n: number): unknown } } };
declare function it(name: string, fn: () => void, ms?: number): void;

// A 0 given to a receiver nobody here knows: it decides what 0 means (Docker's `t=0` kills at once,
// compose's 0 adds no `-t` flag). Not "waits forever".
export async function stopAtOnce(opts?: { timeout?: number }) {
  await client.container.stop(container, { timeout: 0 });
  await client.down({}, { removeVolumes: true, timeout: 0 });
  await container.stop({ t: toSeconds(opts?.timeout ?? 0) });
  const resolvedOptions = { timeout: 0, ...opts };
  await client.container.restart(container, resolvedOptions);
}

// A receiver whose 0 is documented as "no limit" (axios, Node's http, undici by its import, a test runner).
axios.create({ timeout: 0 }); // expect: no-unbounded-timeout
axios.get("/x", { timeout: 0 }); // expect: no-unbounded-timeout
export const pool = new Pool("http://localhost", { headersTimeout: 0 }); // expect: no-unbounded-timeout
it("runs without a limit", () => {}, 0); // expect: no-unbounded-timeout

// The code's own defaults stay "no limit": a defaults table, a schema default, a fallback kept by the code.
export const defaults = { requestTimeout: 0 }; // expect: no-unbounded-timeout
export const schema = { commandTimeout: Joi.number().integer().default(0) }; // not reported since session 9: nothing here reads it
export const frozen = Object.freeze({ waitQueueTimeoutMS: getNumberFromEnv("W") ?? 0 }); // not reported since session 9: nothing here reads it
export const selection = Timeout.expires(settings.serverSelectionTimeoutMS ?? 0); // expect: no-unbounded-timeout

// The file's own value flow: a field or parameter default of 0 that is tested before a timer is armed.
export class StompLike {
  public connectionTimeout: number = 0; // expect: no-unbounded-timeout
  private _uploadTimeout = 0;
  private watcher?: ReturnType<typeof setTimeout>;
  connect(close: () => void) {
    if (this.connectionTimeout > 0) this.watcher = setTimeout(close, this.connectionTimeout);
    if (this._uploadTimeout) clearTimeout(this._uploadTimeout);
  }
}
export class CompiledStomp {
  connectionTimeout: number;
  uploadTimeout: number;
  constructor() {
    this.connectionTimeout = 0; // expect: no-unbounded-timeout
    this.uploadTimeout = 0; // expect: no-unbounded-timeout
  }
  connect(close: () => void) {
    if (this.connectionTimeout)
      setTimeout(() => {
        // The socket is closed; a reconnection will be attempted (a comment, not what the callback does).
        close();
      }, this.connectionTimeout);
    if (this.uploadTimeout) setTimeout(close, this.uploadTimeout);
  }
  timeout(ms: number) {
    // A reset outside the constructor: the phase's timer is off until set again, not a default.
    this.uploadTimeout = 0;
    return ms;
  }
}
export function setRequestTimeout(reject: (e: Error) => void, timeoutInMs = 0) { // expect: no-unbounded-timeout
  if (!timeoutInMs) return -1;
  return setTimeout(() => reject(new Error("timed out")), timeoutInMs);
}
// A default tested only to add a command-line flag arms no timer: the receiver decides.
export function composeArgs(options: { timeout?: number }) {
  const result: string[] = [];
  if (options.timeout) result.push("-t", String(options.timeout));
  return result;
}
export const downNow = composeArgs({ timeout: 0 });

// The caller's own `false` (or Infinity) re-spelled as a receiver's 0 is the caller's choice.
export class Runner {
  timeout(ms: number) {
    return ms;
  }
  configure(options: { timeout: number | false }) {
    this.timeout(options.timeout === false ? 0 : options.timeout);
  }
}

// Retried with no bound (the `retry` package's `forever`, used by proper-lockfile, async-retry, p-retry).
export const lock = lockfile.lock("f", { retries: { forever: true, factor: 1, minTimeout: 500 } }); // expect: no-unbounded-timeout
export const operation = retry.operation({ forever: true }); // expect: no-unbounded-timeout
export const bounded = lockfile.lock("f", { retries: { retries: 5, forever: false } });

// A timer that settles a promise raced against an operation is the operation's deadline.
export async function readBody(request: Request) {
  const bodyPromise = request.clone().text();
  const timeoutPromise = new Promise<null>((resolve) => {
    safeUnref(setTimeout(() => resolve(null), 2e3)); // expect: no-hardcoded-timeout
  });
  return Promise.race([bodyPromise, timeoutPromise]);
}
export async function notRaced() {
  const later = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2e3));
  return later;
}

// A pad added to a timeout converted to another unit, returned by the function that works it out.
export function effectiveTimeout(params: { timeout?: number }, fallbackMs: number) {
  if (params.timeout && params.timeout > 0) return params.timeout * 1000 + 10_000; // expect: no-hardcoded-timeout
  return fallbackMs + 1;
}

// A forced flush's timeout is how long that call may take (a deadline), not a batching delay.
export function loadDefaultConfig() {
  return { forceFlushTimeoutMillis: 30000, flushTimeout: 500 }; // expect: no-hardcoded-timeout
}

// scout7js: a unit constant imported from another module is a literal duration in milliseconds.
export const shutdown = { gracefulShutdownAbortTimeout: 5 * SECOND, pollInterval: 2 * SECOND }; // expect: no-hardcoded-timeout

// scout7js: a setting after a run of state codes is not the next code.
export const WebSocketApi: Record<string, number> = {};
WebSocketApi.CONNECTING = 0;
WebSocketApi.OPEN = 1;
WebSocketApi.CLOSING = 2;
WebSocketApi.CLOSED = 3;
WebSocketApi.CLOSE_TIMEOUT = 30000; // expect: no-hardcoded-timeout

// scout7js: "no activity" names an inactivity timeout; "no cursor" names a flag.
export class KarmaLike {
  browserNoActivityTimeout = 30000; // expect: no-hardcoded-timeout
  noCursorTimeout = false;
}

// scout7js: a timer that sends a keep-alive NOOP paces the connection, it bounds no wait.
export function keepAlive(options: { keepalive?: number }, send: (command: string) => void) {
  const settings = { aliveTimeout: options.keepalive || 10000 };
  const donoop = () => send("NOOP");
  return setTimeout(donoop, settings.aliveTimeout);
}

// A 0 default the file arms a timer with, never testing it for being set: the timer fires at once.
export class Launcher {
  options = { killTimeout: 0 };
  stop(kill: () => void) {
    return setTimeout(kill, this.options.killTimeout);
  }
}
export function stopAfter(kill: () => void, graceTimeout = 0) {
  return setTimeout(kill, graceTimeout);
}
export function watch(onTimeout: () => void, watchTimeout = 0) { // expect: no-unbounded-timeout
  if (watchTimeout > 0) return setTimeout(onTimeout, watchTimeout);
  return undefined;
}

// Playwright's test timeouts: 0 switches the limit off.
declare const test: { setTimeout(ms: number): void; use(o: object): void };
test.setTimeout(0); // expect: no-unbounded-timeout
test.setTimeout(120_000); // expect: no-hardcoded-timeout
test.use({ actionTimeout: 0 }); // expect: no-unbounded-timeout

// Child processes: Node's and execa's `timeout: 0` is "no limit" (tracked through the import).
export const made = execFile("make", [], { timeout: 0 }); // expect: no-unbounded-timeout
