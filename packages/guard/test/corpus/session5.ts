// Families found on fresh5 (JS) and the scout6js sample (issue 9). `expect:` marks each line that must be flagged.
declare const options: {
  timeout?: number;
  idleTimeout?: number;
  connectTimeout?: number;
  timeoutInMs?: number;
  freeSocketTimeout: number;
};
declare const events: { emit(name: string, payload: object): void };
declare function renewSessionLock(id: string, o: object): Promise<void>;
declare function register(plugin: unknown, o: object): void;
declare function Fastify(o: object): unknown;
declare function request(o: object): Promise<void>;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;
declare function beforeEach(fn: () => void): void;
declare function expect(x: unknown): any;
declare const vi: { fn(impl?: unknown): unknown; useFakeTimers(): void; advanceTimersByTime(ms: number): void };
declare const t: { same(a: unknown, b: unknown): void };
declare function enqueue(this: object, message: string): boolean;
declare class SMTPConnection {
  constructor(o: object);
  timeout: number;
  connect(cb: () => void): void;
}
declare class Monitor {
  constructor(stream: unknown, timeout: number);
}
declare const From: unknown;

// A unit after "In" (Azure SDKs).
export const receiveDrainTimeoutInMs = 200; // expect: no-hardcoded-timeout
renewSessionLock("s", { timeoutInMs: 10000 }); // expect: no-hardcoded-timeout
if (options.timeoutInMs == null) options.timeoutInMs = 5000; // expect: no-hardcoded-timeout

// A fallback in Math.max is a default duration; a plain floor is a clamp; a 0 that only feeds Math.max is the
// neutral floor, not "no limit".
class Transport {
  _timeout: number;
  _rto = 0;
  constructor() {
    this._timeout = options.timeout || 0;
  }
  start() {
    const timeoutMs = Math.max(this._timeout, this._rto * 2 || 5000); // expect: no-hardcoded-timeout
    return timeoutMs;
  }
}
options.timeout = Math.max(options.freeSocketTimeout * 2, 8000);

// An idle timeout of 0 switches the idle timer off (or closes at once): nothing waits on it.
export const pool = { idleTimeout: 0, maxQueue: Infinity };
export function createClient({ lazyCloseTimeout: lazyCloseTimeoutMs = 0, keepAliveTimeout = 0 } = {}) {
  return [lazyCloseTimeoutMs, keepAliveTimeout];
}
export class Client {
  idleTimeout: number;
  connectTimeout: number;
  constructor() {
    this.idleTimeout = parseInt(options.idleTimeout || 0, 10);
    this.connectTimeout = parseInt(options.connectTimeout || 0, 10); // not reported since session 9: no timer armed with it here
  }
}
export const idle = { idleTimeout: 30000 }; // expect: no-hardcoded-timeout

// Flags named like timeouts; how long something stays on screen; how long an entry stays cached.
export class CronJob {
  unrefTimeout = false;
}
export const ui = { toastTimeout: 3000, notificationTimeout: 5000, hideTimeout: 200, animationTimeout: 300 };
export const cache = { cacheTimeout: 60000, ttlTimeout: 0 };

// setTimeout's largest delay used as a clamp is not "no limit".
export function arm(timeout: number, fire: () => void) {
  const MAXDELAY = 2147483647;
  if (timeout > MAXDELAY) timeout = MAXDELAY;
  return setTimeout(fire, timeout);
}

// A margin subtracted from the configured timeout is not a timeout.
export function serverTimeout(timeoutInMs: number) {
  const bufferInMs = 20;
  if (timeoutInMs >= 1000) timeoutInMs -= bufferInMs;
  return timeoutInMs;
}

// A timeout-named value whose timer renews or refreshes something is a schedule, not a deadline.
export class Link {
  _tokenTimeout = 0;
  _timer: unknown;
  _requestTimeout = 0;
  negotiate() {
    this._tokenTimeout = (3600 - 900) * 1000;
    this._timer = setTimeout(async () => {
      await this.refreshToken();
    }, this._tokenTimeout);
  }
  send() {
    this._requestTimeout = 5000; // expect: no-hardcoded-timeout
    this._timer = setTimeout(() => this.fail(), this._requestTimeout);
  }
  async refreshToken() {}
  fail() {}
}

// A fake's response delay is not a deadline.
export function XHRFake() {}
XHRFake.timeout = 2000;
export function XHRPolling() {}
XHRPolling.timeout = 2000; // expect: no-hardcoded-timeout

// How long a notification stays on screen.
export function notify(msg: string, timeout?: number) {
  events.emit("browser:notify", { message: msg, timeout: timeout || 2000 });
}
events.emit("request", { url: "/x", timeout: 2000 }); // expect: no-hardcoded-timeout

// An HTTP/2 session timeout is the connection's idle timeout, a wait; a login session's is an expiry.
register(From, { http2: { sessionTimeout: 100 } }); // expect: no-hardcoded-timeout
register(From, { base: "http://localhost", http2: { requestTimeout: 100 }, sessionTimeout: 200 }); // expect: no-hardcoded-timeout, no-hardcoded-timeout
Fastify({ http2: true, sessionTimeout: 0 }); // expect: no-unbounded-timeout
export const login = { sessionTimeout: 1800 };

// Tests: a fake clock, a mocked timer, a test double, an object built only to assert its fields.
describe("on a fake clock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  it("times out", () => {
    request({ timeout: 5000 });
    vi.advanceTimersByTime(5000);
  });
});
describe("a monitor on a mock stream", () => {
  const TIMEOUT = 1000;
  const mockStream = { setTimeout: vi.fn() };
  beforeEach(() => {
    mockStream.setTimeout = vi.fn((_ms: number, cb: () => void) => cb);
  });
  it("arms the stream's timer", () => {
    new Monitor(mockStream, TIMEOUT);
  });
});
describe("on the real clock", () => {
  it("times out", () => {
    request({ timeout: 5000 }); // expect: no-hardcoded-timeout
  });
});
it("adds a request without a timer", () => {
  const q = {
    _queue: {
      size: 0,
      add(obj: unknown) {
        t.same(obj, { message: "foo" });
      },
    },
    timeout: 0,
  };
  enqueue.call(q, "foo");
});
it("adds a request with a timer", () => {
  const q = { _queue: { add: vi.fn() }, timeout: 5 }; // expect: no-hardcoded-timeout
  enqueue.call(q, "foo");
});
it("initializes with custom options", () => {
  const conn = new SMTPConnection({ timeout: 10000, host: "mail.example.com" });
  expect(conn.timeout).toBe(10000);
});
it("connects", () => {
  const conn = new SMTPConnection({ timeout: 10000, host: "127.0.0.1" }); // expect: no-hardcoded-timeout
  conn.connect(() => {});
});

// CLI option defaults of a timeout flag are the tool's default timeouts.
declare const program: { option(...args: unknown[]): typeof program; addOption(o: unknown): typeof program };
declare const yargs: { option(key: string, o: object): typeof yargs };
declare class Option {
  constructor(flags: string, description?: string);
  default(value: unknown): Option;
}
declare function parseArgs(o: object): unknown;
program.option("-t, --timeout <ms>", "request timeout in milliseconds", 30000); // expect: no-hardcoded-timeout
program.option("--connect-timeout <ms>", "connect timeout", "5000"); // expect: no-hardcoded-timeout
yargs.option("request-timeout", { type: "number", default: 60000 }); // expect: no-hardcoded-timeout
program.addOption(new Option("--timeout <ms>", "timeout").default(15000)); // expect: no-hardcoded-timeout
parseArgs({ options: { timeout: { type: "string", default: "3000" } } }); // expect: no-hardcoded-timeout
program.option("--retries <n>", "retries", 3).option("--no-timeout", "no timeout", false);

// Doubles: a module mock's factory, a fake client, a call on a mock; node:test's mock timers.
declare const jest: { mock(path: string, factory: () => object): void };
declare class FakeAsyncClient {
  constructor(o: object);
}
declare const mockSession: { get(url: string, o: object): void };
declare const mock: { timers: { enable(o?: object): void } };
declare function test(name: string, fn: () => void): void;
jest.mock("./config", () => ({ requestTimeout: 0 }));
export const fakeClient = new FakeAsyncClient({ timeout: 3 });
mockSession.get("/x", { timeout: 30 });
test("ticks", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  request({ timeout: 5000 });
});

// A long code table keeps an alias (selenium's legacy error codes).
export const ErrorCode = {
  SUCCESS: 0,
  NO_SUCH_SESSION: 6,
  NO_SUCH_ELEMENT: 7,
  NO_SUCH_FRAME: 8,
  UNKNOWN_COMMAND: 9,
  UNSUPPORTED_OPERATION: 9,
  STALE_ELEMENT_REFERENCE: 10,
  ELEMENT_NOT_VISIBLE: 11,
  INVALID_ELEMENT_STATE: 12,
  UNKNOWN_ERROR: 13,
  TIMEOUT: 21,
  SCRIPT_TIMEOUT: 28,
};

// A fake clock does not slow the test runner's own timeout.
declare const sinon: { useFakeTimers(): { tick(ms: number): void } };
declare const client: { request(o: object): Promise<void> };
describe("with sinon's clock", () => {
  let clock: { tick(ms: number): void };
  beforeEach(function () {
    clock = sinon.useFakeTimers();
  });
  it("times out", async function (this: { timeout(ms: number): void }) {
    this.timeout(10000); // expect: no-hardcoded-timeout
    const pending = client.request({ timeout: 1000 });
    clock.tick(1000);
    await pending;
  });
});

// A notification's payload shows a message; a notify call that sends something waits like any request.
declare const pubsub: { notify(channel: string, o: object): Promise<void> };
pubsub.notify("jobs", { payload: "x", timeout: 5000 }); // expect: no-hardcoded-timeout

// `Math.max(t, 0)` keeps a value from going negative; a 0 stored under that name is still "no limit".
declare const socket: { setTimeout(ms: number): void };
export function arm2(opts: { readTimeout?: number }) {
  const readTimeout = opts.readTimeout || 0; // expect: no-unbounded-timeout
  socket.setTimeout(Math.max(readTimeout, 0));
}

// A compared constant is a clamp only at setTimeout's largest delay: a 0 compared is still "no limit".
const NO_TIMEOUT = 0; // expect: no-unbounded-timeout
export function call(t: number) {
  return request({ timeout: t > NO_TIMEOUT ? t : NO_TIMEOUT });
}

// A method replaced by a stub answers at once; a spy that calls through still runs the real method.
declare const api: { request(o: object): Promise<unknown>; get(o: object): Promise<unknown> };
it("retries on a stubbed request", async () => {
  sinon.stub(api, "request");
  vi.spyOn(api, "get");
  await api.request({ timeout: 5000 });
  await api.get({ timeout: 5000 }); // expect: no-hardcoded-timeout
});
