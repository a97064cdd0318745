// Every line marked `expect:` must be flagged with exactly those rules; every other line must be clean.
import axios from "axios";
import got from "got";

declare const url: string, cond: boolean, opts: { timeout?: number }, socket: import("node:net").Socket;

const REQUEST_TIMEOUT = 5000; // expect: no-hardcoded-timeout
const SECOND = 1000;
const RETRY_TIMEOUT_MS = 3 * SECOND; // expect: no-hardcoded-timeout

await fetch(url, { signal: AbortSignal.timeout(5000) }); // expect: no-hardcoded-timeout
axios.create({ timeout: 30_000 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5e3 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5 * 1000 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: (5000) }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5000 as number }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5000 satisfies number }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: <number>5000 }); // expect: no-hardcoded-timeout
axios.get(url, { "timeout": 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { "connect_timeout": ((2000)) }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { ["timeout"]: 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { [`timeout`]: 5000 }); // expect: no-hardcoded-timeout
got(url, { timeout: { request: 10000 } }); // expect: no-hardcoded-timeout
got(url, {
  timeout: {
    lookup: 100, // expect: no-hardcoded-timeout
    connect: 50, // expect: no-hardcoded-timeout
  },
});
axios.get(url, { timeout: REQUEST_TIMEOUT });
axios.get(url, { timeout: RETRY_TIMEOUT_MS });
axios.get(url, { timeout: 10 * SECOND }); // expect: no-hardcoded-timeout
const client = { requestTimeout: 2000, connect_timeout: 1000, testTimeout: 60000 }; // expect: no-hardcoded-timeout, no-hardcoded-timeout, no-hardcoded-timeout
const more = { timeoutMs: 250, TIMEOUT: 9000, idle_timeout_seconds: 30 }; // expect: no-hardcoded-timeout, no-hardcoded-timeout, no-hardcoded-timeout
axios.get(url, { timeout: opts.timeout ?? 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: opts.timeout || 5000 }); // expect: no-hardcoded-timeout
axios.get(url, { timeout: cond ? 30000 : 5000 }); // expect: no-hardcoded-timeout, no-hardcoded-timeout

function withDefault(timeout = 5000) { // expect: no-hardcoded-timeout
  return fetch(url, { signal: AbortSignal.timeout(timeout) });
}
const arrow = (u: string, timeoutMs: number = 8000) => fetch(u, { signal: AbortSignal.timeout(timeoutMs) }); // expect: no-hardcoded-timeout
function destructured({ timeout = 1500 }: { timeout?: number }) { // expect: no-hardcoded-timeout
  return timeout;
}

class Client {
  timeout = 4000; // expect: no-hardcoded-timeout
  private readonly connectTimeout: number = 1000; // expect: no-hardcoded-timeout
}
socket.setTimeout(3000); // expect: no-hardcoded-timeout
const server = { timeout: 0, keepAliveTimeout: 5000 }; // expect: no-hardcoded-timeout (the 0: no wait shown)
(server as { headersTimeout: number }).headersTimeout = 6000; // expect: no-hardcoded-timeout
axios.create({ timeout: Infinity }); // expect: no-unbounded-timeout
axios.create({ timeout: false }); // expect: no-unbounded-timeout

declare const page: { setDefaultTimeout(ms: number): void };
declare const jest: { setTimeout(ms: number): void };
declare const vi: { setConfig(c: object): void };
page.setDefaultTimeout(15000); // expect: no-hardcoded-timeout
jest.setTimeout(30000); // expect: no-hardcoded-timeout
vi.setConfig({ testTimeout: 20000, hookTimeout: 20000 }); // expect: no-hardcoded-timeout, no-hardcoded-timeout

describe("suite", function () {
  this.timeout(10000); // expect: no-hardcoded-timeout
  it("takes a trailing timeout", async () => {}, 10000); // expect: no-hardcoded-timeout
  test("also here", () => {}, 5000); // expect: no-hardcoded-timeout
  beforeAll(async () => {}, 20000); // expect: no-hardcoded-timeout
  afterEach(() => {}, 1000); // expect: no-hardcoded-timeout
  it("takes options", { timeout: 3000 }, () => {}); // expect: no-hardcoded-timeout
  it("with zero", function () {
    this.timeout(0); // expect: no-unbounded-timeout
  });
});

declare const mongo: { connect(url: string, options: object): void };
mongo.connect("mongodb://db", { socketTimeoutMS: 45000, serverSelectionTimeoutMS: 5000 }); // expect: no-hardcoded-timeout, no-hardcoded-timeout
const pool = { idleTimeoutMillis: 30000, connectionTimeoutMillis: 2000 }; // expect: no-hardcoded-timeout, no-hardcoded-timeout
declare const locator: { waitFor(o: object): Promise<void> };
await locator.waitFor({ state: "visible", timeout: 3000 }); // expect: no-hardcoded-timeout
const fromEnv = { timeout: Number(process.env.TIMEOUT_MS) || 8000 }; // expect: no-hardcoded-timeout
export { client, more, arrow, withDefault, destructured, Client, pool, fromEnv };
