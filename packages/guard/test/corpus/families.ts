// Families of real-world findings and non-findings (issue 9). `expect:` marks each line that must be flagged.
declare const url: string, opts: { timeoutMs?: number; timeout?: number }, socket: import("node:net").Socket;
declare const t: { timeout(ms: number): void }, controller: AbortController, redis: { condition: { subscriber: { del(k: string): void } } };
declare function fetchIt(u: string, o: object): Promise<unknown>;

// Code tables, compiled enums and flags whose names mention a timeout are not durations.
export const HttpStatusCode = { Ok: 200, NotFound: 404, RequestTimeout: 408, BadGateway: 502, GatewayTimeout: 504 };
export const ErrorCodes = { HostNotFound: 7, AuthenticationFailed: 18, NetworkTimeout: 89, ShutdownInProgress: 91 };
var ErrorCode;
(function (E: Record<string, unknown>) {
  E[(E["NetworkTimeout"] = 89)] = "NetworkTimeout";
})(ErrorCode || (ErrorCode = {}));
export const flags = { retryOnTimeout: false, noCursorTimeout: false };

// A timer switched off after the phase it guarded; fields reset to 0; sentinels; backoff bounds.
socket.setTimeout(0);
class Request {
  _uploadTimeout = 0;
  _idleTimeout = -1;
  reset() {
    this._uploadTimeout = 0;
    this._responseTimeout = 0;
  }
}
export const retry = { maxTimeout: 30 * 1000, minTimeout: 500, retries: 3 };

// got fires a 0 ms phase at once: hardcoded, not "forever".
fetchIt(url, { timeout: { secureConnect: 0 } }); // expect: no-hardcoded-timeout

// Literals stored in a local and passed on.
function one() {
  const timeout = 500; // expect: no-hardcoded-timeout
  return fetchIt(url, { timeout });
}
function two() {
  const timeout = 500; // expect: no-hardcoded-timeout
  return fetchIt(url, { timeout });
}
function three(timeout?: number) {
  timeout = timeout == null ? 10e3 : timeout; // expect: no-hardcoded-timeout
  const timeoutMs = opts.timeoutMs ?? 1_000; // expect: no-hardcoded-timeout
  const requestTimeout = Number(process.env.REQUEST_TIMEOUT_MS ?? 5000); // expect: no-hardcoded-timeout
  return fetchIt(url, { timeout, timeoutMs, requestTimeout });
}
export const HUMAN_TIMEOUT_MS = 300000; // expect: no-hardcoded-timeout

// Names with a fused prefix, private and symbol-keyed fields, accessors, AVA.
fetchIt(url, { writeConcern: { wtimeoutMS: 10000 } }); // expect: no-hardcoded-timeout
class Connection {
  #timeout: number;
  accessor timeout = 5000; // expect: no-hardcoded-timeout
  constructor(timeout?: number) {
    this.#timeout = timeout ?? 180_000; // expect: no-hardcoded-timeout
  }
}
const kBodyTimeout = Symbol("bodyTimeout");
class Client {
  [kBodyTimeout]: number;
  constructor(bodyTimeout?: number) {
    this[kBodyTimeout] = bodyTimeout != null ? bodyTimeout : 300e3; // expect: no-hardcoded-timeout
  }
}
t.timeout(5000); // expect: no-hardcoded-timeout

// A timer that aborts the request is its deadline.
setTimeout(() => controller.abort(), 5000); // expect: no-hardcoded-timeout
setTimeout(() => console.log("tick"), 5000);

// The receiver decides, not a name somewhere in the chain.
redis.condition.subscriber.del("k");
declare const ioredis: { pipeline(): { del(k: string): void } };
const batch = ioredis.pipeline();
batch.del("k"); // expect: no-local-cache-delete
export { one, two, three, Request, Connection, Client };
// Expiries and batching delays are not waits; a 0 that mirrors the tested value follows config.
export const session = { sessionTimeoutMinutes: 30, bufferTimeout: 1000 };
declare const connectTimeoutMS: number, maxAwaitTimeMS: number;
export const monitor = { socketTimeoutMS: connectTimeoutMS ? connectTimeoutMS + maxAwaitTimeMS : 0 };

// Code lists written as statements, numbered in order, are not durations (mysql2's error codes);
// a settings block is not numbered in order, and its timeout is flagged.
declare const codes: Record<string, number>;
codes.ER_XA_RBTIMEOUT = 1613;
codes.ER_XA_RBDEADLOCK = 1614;
codes.ER_NEED_REPREPARE = 1615;
codes.ER_QUERY_TIMEOUT = 3024;
codes.ER_DUP_LIST_ENTRY = 3026;
const settings = { ...codes };
settings.requestTimeout = 30000; // expect: no-hardcoded-timeout
settings.retries = 3;
settings.poolSize = 10;
settings.port = 8080;
// A set of option names (1 = known) is not a table of durations.
export const validOptions = { connectTimeout: 1, database: 1, idleTimeout: 1, maxIdle: 1, queueLimit: 1 };

// The fallback of a timeout-named value is a default timeout wherever it goes; TypeScript's
// `(0, f)(...)` call form hides nothing.
declare const util_1: { timeout(ms: number): Promise<void> };
declare const options: { timeout?: number; restoreTimeout?: number };
export const timer = (0, util_1.timeout)(options.timeout || 20000); // expect: no-hardcoded-timeout
export const ackWait = options.timeout ?? 5000; // expect: no-hardcoded-timeout
export const restore = options.restoreTimeout || 0;
// A destination named as a pacing delay decides for the fallback it stores.
declare const mqttOptions: { browserBufferTimeout?: number };
export const bufferTimeout = mqttOptions.browserBufferTimeout || 1000;
// A sleep from Node's timers module, however it is reached, is a delay, not a socket timeout.
declare function require(id: string): { setTimeout(ms: number): Promise<void> };
const promises_1 = require("node:timers/promises");
export const pause = (0, promises_1.setTimeout)(1000);

// fresh3 families. Flags named like timeouts, also behind a symbol's `k`, are not durations.
export const capabilities = { canDoubleTimeout: false, canBlockFor1Ms: true };
declare const kRetryOnTimeout: unique symbol;
declare const transport: { [kRetryOnTimeout]: boolean };
transport[kRetryOnTimeout] = false;
// An HTTP/2 session's idle timeout is a wait; a login or cookie session's lifetime is an expiry.
export const http2 = { http2SessionTimeout: 100 }; // expect: no-hardcoded-timeout
export const SESSION_TIMEOUT = 1800;
// Values an assertion compares, and objects declared only to be compared, wait for nothing.
declare const assert: {
  deepStrictEqual(a: unknown, b: unknown): void;
  throws(f: () => void, e?: unknown): void;
};
declare const server: { initialConfig: unknown; get(p: string, o: unknown): void; requestTimeout: number };
assert.deepStrictEqual(server.initialConfig, { connectionTimeout: 0, requestTimeout: 0 });
assert.throws(() => server.get("/d", { handlerTimeout: 0 }), { code: "FST_ERR" });
const expectedDefaults = { connectionTimeout: 0, keepAliveTimeout: 72000 };
assert.deepStrictEqual(server.initialConfig, expectedDefaults);
const passedOn = { connectionTimeout: 0 }; // not reported: only compared and spread, no wait shown (session 9 evidence rule)
assert.deepStrictEqual(server.initialConfig, passedOn);
export const built = { ...passedOn };
// A field that holds a point in time is reset to 0, not set to "no limit".
declare const conn: { resurrectTimeout: number };
conn.resurrectTimeout = Date.now() + 60_000;
conn.resurrectTimeout = 0;
server.requestTimeout = 0; // not reported since session 9: the object is declared, not built here by a known API (legacy.cjs)
// The caller's Infinity re-spelled as a driver's 0 follows config.
declare const cfg: { requestTimeout: number };
if (cfg.requestTimeout === Infinity || cfg.requestTimeout < 0) cfg.requestTimeout = 0;
// The same const name in several blocks: each is a constant of its block.
declare const http: { setTimeout(ms: number): void; keepAliveTimeout: number };
export function first(): void {
  const timeoutTime = 2 * 60 * 1000; // expect: no-hardcoded-timeout
  http.setTimeout(timeoutTime);
}
export function second(): void {
  const timeoutTime = 3 * 1000; // expect: no-hardcoded-timeout
  http.keepAliveTimeout = timeoutTime;
}
export function third(timeoutTime: number): void {
  http.setTimeout(timeoutTime);
}
// Timers that end the operation when they fire are deadlines: a callback that aborts by name, a
// test's watchdog, a timer raced against the operation. A 0 ms timer only defers.
declare const mustNotCall: () => () => void;
declare const socketConn: { abort_socket(): void; idle(): void };
setTimeout(socketConn.abort_socket.bind(socketConn), 1000); // expect: no-hardcoded-timeout
setTimeout(mustNotCall(), 1000); // expect: no-hardcoded-timeout
setTimeout(() => controller.abort(), 0);
setTimeout(socketConn.idle.bind(socketConn), 1000);
declare const app: { inject(): Promise<void> };
export const raced = Promise.race([app.inject(), new Promise((resolve) => setTimeout(resolve, 1000))]); // expect: no-hardcoded-timeout
export const slept = new Promise((resolve) => setTimeout(resolve, 300));
// A type test is type-checked, never run.
declare const expect: (x: unknown) => { type: { toBe<T>(): void } };
declare const fastify: (o: object) => unknown;
expect(fastify({ http2: true, http2SessionTimeout: 1000 })).type.toBe<unknown>();
// A timer whose callback is a tick handler (undici's timer wheel) is not a deadline.
declare function onTimeout(): void;
const TICK_MS = 499;
setTimeout(onTimeout, TICK_MS);
// A poll interval named like a timeout, used as a plain timer's delay, is a delay.
export function waitFor(check: () => boolean, timeout = 5000, pollTimeout = 200): void { // expect: no-hardcoded-timeout
  const poll = (): void => {
    if (!check()) setTimeout(poll, pollTimeout);
  };
  poll();
  void timeout;
}

// Session 53 (fresh240, @hyper-fetch/react): a debounce or throttle option spelled `bounceTimeout`, beside
// `bounceType: "debounce"`: how long to wait for quiet, not a deadline.
export const useFetchDefaultOptions = { bounce: false, bounceType: "debounce", bounceTime: 400, bounceTimeout: 400 };
