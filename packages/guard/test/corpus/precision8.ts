// Durations and "no limit"s that bound no wait (issue 9, fresh8's JS families): backoff bounds named like a
// retry timeout, a `false` slot filled before use, a test's pause before it goes on,
// and a server's idle timeout switched off. `expect:` marks findings.
declare function it(title: string, fn: (done: (err?: Error) => void) => unknown): void;
declare function nextDelay(error: Error): number | false;
declare function retryable(error: Error): boolean;
declare function scheduleReconnect(delay: number): void;
declare function connectOnce(options: object): Promise<void>;
declare const cursor: { eachAsync(fn: (row: unknown, onRowFinished: () => void) => void): Promise<void> };
declare const net: {
  createServer(handler: (socket: Sock) => void): unknown;
  connect(port: number): Sock;
};
type Sock = { setTimeout(ms: number): void; on(event: string, fn: () => void): void };

// A backoff's base and cap are bounds on the delay between tries, whatever the name starts with.
export const consumerDefaults = {
  retries: 10,
  retryFactor: 1.8,
  retryMinTimeout: 1000,
  retryMaxTimeout: 60_000,
  // How long retries of an assertion go on: a deadline.
  retryAssertionTimeout: 5000, // expect: no-hardcoded-timeout
};

// `false` until a delay is computed, and read only when set: a slot, not "no limit".
export function recover(error: Error): void {
  let retryTimeout: number | false = false;
  if (retryable(error)) retryTimeout = nextDelay(error);
  if (retryTimeout) scheduleReconnect(retryTimeout);
}
export class Connection {
  connect_timeout: number | false;
  constructor(options: { connect_timeout?: number }) {
    this.connect_timeout = false;
    if (options.connect_timeout && options.connect_timeout > 0) this.connect_timeout = +options.connect_timeout;
  }
  giveUp(elapsed: number): boolean {
    return Boolean(this.connect_timeout && elapsed >= this.connect_timeout);
  }
}
// A defaults table's `false` and a fallback's `false` are the library's own "no limit".
export const poolDefaults = {
  query_timeout: false, // not reported since session 9: nothing in the file reads it
};
export class Query {
  timeout: number | false;
  constructor(builder: { _timeout?: number }) {
    this.timeout = builder._timeout || false; // expect: no-unbounded-timeout
  }
}

// A pause before each row is handed back: nothing fails when it runs out.
it("waits per row", (done) => {
  const rowTimeout = 10;
  void cursor
    .eachAsync((_row, onRowFinished) => {
      setTimeout(() => onRowFinished(), rowTimeout);
    })
    .then(() => done());
});
// The same through a fallback stored under the pause's name.
export function assertSequence(doneCB: () => void, pause?: number): void {
  const pauseTimeoutInMillis = pause || 1000;
  setTimeout(() => {
    doneCB();
  }, pauseTimeoutInMillis);
}
// A watchdog that fails the test is a deadline.
it("gives up", (done) => {
  const watchdogTimeout = 500; // expect: no-hardcoded-timeout
  setTimeout(() => done(new Error("no row")), watchdogTimeout);
});

// A server's idle timeout of 0: accepted sockets are never timed out, nobody waits on them.
export class FtpServer {
  options: { socketTimeout: number };
  constructor(options: { socketTimeout?: number }) {
    this.options = Object.assign({ socketTimeout: 0 }, options);
    const onConnection = (socket: Sock) => {
      if (this.options.socketTimeout > 0) socket.setTimeout(this.options.socketTimeout);
    };
    net.createServer(onConnection);
  }
}
// A client's socket timeout of 0: a reply may never come, the client waits forever.
export function openClient(opts: { timeout?: number }): void {
  const conn = net.connect(9090);
  conn.on("connect", () => {
    conn.setTimeout(opts.timeout || 0); // expect: no-unbounded-timeout
  });
  void connectOnce(opts);
}

// Retry delays: the request again with the handler the timer is in, and a copy that only delays the next poll.
export class Couch {
  options = { retries: 3, requestRetryTimeout: 10e3 };
  rawRequest(options: object, callback: (err?: Error) => void): void {
    void options;
    callback();
  }
  request(options: object, callback: (err?: Error) => void): void {
    let attempts = 0;
    this.rawRequest(options, function onResponse(this: Couch, err?: Error) {
      attempts++;
      if (err && attempts <= 3) return void setTimeout(this.rawRequest.bind(this, options, onResponse), this.options.requestRetryTimeout);
      callback(err);
    });
  }
}
export class Poller {
  authenticationErrorTimeout: number;
  constructor(options: { authenticationErrorTimeout?: number }) {
    this.authenticationErrorTimeout = options.authenticationErrorTimeout ?? 10000;
  }
  poll(failed: boolean): void {
    let currentPollingTimeout = 0;
    if (failed) currentPollingTimeout = this.authenticationErrorTimeout;
    setTimeout(() => this.poll(false), currentPollingTimeout);
  }
}

// A 0 handed to an expiry's setter: the message becomes visible again at once, nothing waits.
export class Consumer {
  terminateVisibilityTimeout: boolean | number = false;
  async changeVisibilityTimeout(message: object, seconds: number): Promise<void> {
    void message;
    void seconds;
  }
  async terminate(message: object): Promise<void> {
    const visibility = this.terminateVisibilityTimeout === true ? 0 : Number(this.terminateVisibilityTimeout);
    await this.changeVisibilityTimeout(message, visibility);
    const timeout = this.terminateVisibilityTimeout === true ? 0 : Number(this.terminateVisibilityTimeout);
    await this.changeVisibilityTimeout(message, timeout);
  }
}
// The same 0 handed to a wait is "no limit".
export async function drain(queue: { waitForEmpty(ms: number): Promise<void> }, forever: boolean): Promise<void> {
  const drainTimeout = forever ? 0 : 5000; // expect: no-hardcoded-timeout (the 0: an unknown receiver's business)
  await queue.waitForEmpty(drainTimeout);
}

// A promise's `resolve` raced with the operation (minified: every parameter is `e`): a deadline, not "go on".
export class RtlTextPlugin {
  TIMEOUT = 5e3; // expect: no-hardcoded-timeout
  async load(e: Promise<void>): Promise<void> {
    const i = new Promise<void>((e) => setTimeout(() => e(), this.TIMEOUT));
    await Promise.race([e, i]);
  }
}
