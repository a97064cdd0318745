// Families found on fresh6 (JS hardcoded false positives) and the scout7sdk sample (issue 9): what the code does with a value. `expect:` marks each line that must be flagged.
declare const span: { end(at?: number): void; setStatus(s: object): void };
declare const logger: { warn(m: string): void };
declare const agent: { sockets: object };
declare const config: { socketAcquisitionWarningTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
declare const options: { idleTimeout?: number; finalTimeout?: number; timeoutMillis?: number; connectTimeout?: number };
declare function request(o: object): Promise<void>;
declare const req: { destroy(e?: Error): void };
declare const controller: { abort(): void };

// A timer whose callback only ends a measurement (a tracing span): its delay is how long to measure.
export const TRACING_DEFAULTS = {
  idleTimeout: 1e3,
  finalTimeout: 3e4,
};
export function startIdleSpan() {
  const { idleTimeout = TRACING_DEFAULTS.idleTimeout, finalTimeout = TRACING_DEFAULTS.finalTimeout } = options;
  setTimeout(() => span.end(Date.now()), idleTimeout);
  setTimeout(() => {
    span.setStatus({ code: 2, message: "deadline_exceeded" });
    span.end();
  }, finalTimeout);
}

// The same shape whose callback fails the operation is a deadline.
export const REQUEST_DEFAULTS = {
  requestTimeout: 5e3, // expect: no-hardcoded-timeout
};
export function send(reject: (e: Error) => void) {
  const { requestTimeout = REQUEST_DEFAULTS.requestTimeout } = options as { requestTimeout?: number };
  setTimeout(() => reject(new Error("timed out")), requestTimeout);
}

// A timer whose callback only logs (through a helper of the same file): a diagnostic delay.
class Handler {
  static checkSocketUsage(pool: { sockets: object }, log = logger) {
    if (Object.keys(pool.sockets).length > 50) log.warn("socket usage at capacity");
    return Date.now();
  }
  handle() {
    setTimeout(
      () => {
        Handler.checkSocketUsage(agent, logger);
      },
      config.socketAcquisitionWarningTimeout ?? (config.requestTimeout ?? 2000) + (config.connectionTimeout ?? 1000),
    );
    return request({ timeout: config.requestTimeout ?? 3000 }); // expect: no-hardcoded-timeout
  }
}
new Handler().handle();

// A callback that calls something this file does not define may end the wait: still a timeout.
declare function onTimeout(): void;
setTimeout(() => onTimeout(), options.connectTimeout ?? 4000); // expect: no-hardcoded-timeout

// Constants used only to validate a configured timeout (compared, and named in the error) bound no wait.
const DEFAULT_EXECUTABLE_TIMEOUT_MILLIS = 30 * 1000; // expect: no-hardcoded-timeout
const MINIMUM_EXECUTABLE_TIMEOUT_MILLIS = 5 * 1000;
const MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS = 120 * 1000;
export class PluggableAuth {
  timeoutMillis: number;
  constructor() {
    this.timeoutMillis = options.timeoutMillis ?? DEFAULT_EXECUTABLE_TIMEOUT_MILLIS;
    if (
      this.timeoutMillis < MINIMUM_EXECUTABLE_TIMEOUT_MILLIS ||
      this.timeoutMillis > MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS
    ) {
      throw new Error(
        `Timeout must be between ${MINIMUM_EXECUTABLE_TIMEOUT_MILLIS} and ${MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS} ms.`,
      );
    }
  }
}
// A constant compared with a clock reading bounds a polling loop: a timeout.
const POLL_TIMEOUT_MS = 10_000; // expect: no-hardcoded-timeout
export async function waitUntil(ready: () => boolean) {
  const start = Date.now();
  while (!ready()) if (Date.now() - start > POLL_TIMEOUT_MS) throw new Error("not ready");
}

// A duration written among the state codes it goes with (faye-websocket) is no code.
declare const API: Record<string, number>;
API.CONNECTING = 0;
API.OPEN = 1;
API.CLOSING = 2;
API.CLOSED = 3;
API.CLOSE_TIMEOUT = 30000; // expect: no-hardcoded-timeout

// A deadline with a unit is a duration; a cap on it is a clamp.
export const DEFAULT_GLOBAL_DEADLINE_MS = 10 * 60 * 1000; // expect: no-hardcoded-timeout
export const MAX_GLOBAL_DEADLINE_MS = 24 * 60 * 60 * 1000;
export const deadline = Date.now() + options.connectTimeout!;

// The default handed to a timeout getter (AWS SDK runtime config).
declare function getDefaultSocketTimeout(handler: unknown, fallback: number): number;
export const runtimeConfig = {
  defaultSocketTimeout: getDefaultSocketTimeout(undefined, 900_000), // expect: no-hardcoded-timeout
};

// A base delay grown per failure and added to the clock: when to retry a dead node, a backoff.
export class ConnectionPool {
  resurrectTimeout = 1000 * 60;
  resurrectTimeoutCutoff = 5;
  markDead(connection: { deadCount: number; resurrectTimeout: number }) {
    connection.resurrectTimeout =
      Date.now() + this.resurrectTimeout * Math.pow(2, Math.min(connection.deadCount - 1, this.resurrectTimeoutCutoff));
  }
}
// An ack deadline is a lease on the server, not a wait.
export const subscriptionAckDeadlineSeconds = 60;

// Three reasons numbered in order are an enum, not durations.
export const SKIPPED_REASON = Object.freeze({
  RATE_LIMIT_GLOBAL: 0,
  RATE_LIMIT_PROBE: 1,
  EVALUATION_TIMEOUT: 2,
});

// A timer kept under a timeout name is judged by the timer rules; its constant is reported once, where it is written.
declare function realSetTimeout(fn: () => void, ms: number): number;
const DD_PROPERTIES_TIMEOUT = 5000; // expect: no-hardcoded-timeout
export function waitForProperties(resolve: () => void) {
  const ddPropertiesTimeout = realSetTimeout(() => resolve(), DD_PROPERTIES_TIMEOUT);
  return ddPropertiesTimeout;
}
