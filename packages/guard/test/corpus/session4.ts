// Families found on the fresh4 and scout5 samples (issue 9). `expect:` marks each line that must be flagged.
declare const n: { timeout?: string }, msg: { timeout?: number }, options: { serverSelectionTimeoutMS?: number };
declare const child: { once(event: string, fn: () => void): void },
  session: { post(cmd: string, cb?: () => void): void };
declare const needle: { defaults(o: object): void }, config: { restoreNodeTimeout?: number };
declare function expect(x: unknown): any;
declare function it(name: string, fn: (done: (e?: Error) => void) => void): { timeout(ms: number): void };
declare function fetchIt(u: string, o: object): Promise<unknown>;
declare const Timeout: { expires(ms: number): unknown };
declare function register(name: string, o: object): void;
declare function poll(): boolean;

// A string fallback of a timeout, parsed and scaled later.
export const linkTimeout = parseFloat(n.timeout || "30") * 1000; // expect: no-hardcoded-timeout

// A kept timer that races the event it guards: a deadline.
function stopChild() {
  const exit = () => clearTimeout(exitTimer);
  const exitTimer = setTimeout(exit, 10 * 1000); // expect: no-hardcoded-timeout
  child.once("exit", exit);
}

// mocha's test timeout chained on the test.
it("follows redirects", (done) => done()).timeout(30000); // expect: no-hardcoded-timeout

// A settings descriptor's value is the timeout (0: no limit).
register("function", { settings: { functionTimeout: { value: 0, exportable: true } } }); // expect: no-unbounded-timeout

// Deadlines computed from the clock; a pad added to a timeout.
export function waitUntil(timeoutMs: number) {
  const deadline = Date.now() + 5000; // expect: no-hardcoded-timeout
  while (Date.now() < deadline && !poll());
  return fetchIt("/x", { timeout: timeoutMs + 2000 }); // expect: no-hardcoded-timeout
}

// Unset falls back to 0 = no limit for what it is passed to; arithmetic and timers are not consumers.
export const selection = Timeout.expires(options.serverSelectionTimeoutMS ?? 0); // expect: no-unbounded-timeout
export const longest = Math.max(1000, options.serverSelectionTimeoutMS || 0);

// The largest 32-bit value is "no limit", not a duration.
export const forever = { timeout: 0xffffffff }; // expect: no-unbounded-timeout

// Values a call is expected to refuse: nothing is started or waits.
it("rejects a bad signal", (done) => {
  try {
    needle.defaults({ signal: new Error(), timeout: 1200 });
    done(new Error("A bad option error expected to be thrown"));
  } catch {
    done();
  }
});
expect(() => needle.defaults({ timeout: 1200 })).toThrow(TypeError);
expect(() => needle.defaults({ timeout: 1200 })).to.throw();
// A rejection may come after a wait: still counted unless the error is a validation one.
export const late = expect(fetchIt("/slow", { timeout: 100 })).rejects.toThrow("socket hang up"); // expect: no-hardcoded-timeout
export const refused = expect(fetchIt("/x", { timeout: -1 })).rejects.toThrow(RangeError);

// How long to record before a timer stops the profiler: a measurement window, not a deadline.
export function profile() {
  const timeout = msg.timeout || 5000;
  session.post("Profiler.start", () => {
    setTimeout(() => {
      session.post("Profiler.stop");
    }, timeout);
  });
}

// Elsewhere in the file the same name is still a timeout.
export function request() {
  const timeout = msg.timeout || 5000; // expect: no-hardcoded-timeout
  return fetchIt("/x", { timeout });
}

// A cooldown before an offline node is restored is a delay (0: never restored), like a backoff.
export class PoolCluster {
  _restoreNodeTimeout = 0;
  constructor() {
    this._restoreNodeTimeout = config.restoreNodeTimeout || 0;
  }
}

// Timeout helpers, null-checked defaults, schema defaults, SQL settings.
declare function timeout<T>(p: Promise<T>, ms: number): Promise<T>;
declare const Joi: any, db: { query(sql: string): unknown }, sock: { setTimeout(ms: number): void };
declare const route: { socket?: number | false }, builder: { _timeout?: number; _cancelOnTimeout?: boolean };
export const rollback = timeout(fetchIt("/rollback", {}), 5000); // expect: no-hardcoded-timeout
// A helper of the same name whose first argument is a literal bounds no promise (a test fixture's builder).
export const fixtureLines = timeout("t1" as never, 5000);
export const ack = (o: { timeout?: number }) => (null == o.timeout ? 20000 : o.timeout); // expect: no-hardcoded-timeout
const requestTimeout = Joi.number().default(10 * 1000); // expect: no-hardcoded-timeout
export const schema = { requestTimeout };
db.query(`BEGIN; SET LOCAL lock_timeout = 30000; SELECT 1`); // expect: no-hardcoded-timeout
export const flags = { cancelOnTimeout: builder._cancelOnTimeout || false };
// The configured `false` re-spelled for the socket, only when configured.
if (route.socket !== undefined) sock.setTimeout(route.socket || 0);
