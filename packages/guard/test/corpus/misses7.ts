// Timeouts fresh7 missed (issue 9): a pad on a computed connect timeout, a retry deadline named "retry...",
// a field named for the timeout's duration. `expect:` marks each line that must be flagged.
declare const info: { latency: number; timestamp: number };
declare function connect(o: object): void;
declare const redis: { set(key: string, value: number, ...args: unknown[]): Promise<string | null> };

// `latency * 2 + 1000`: the 1 s added to a computed connect timeout is hardcoded.
connect({ timeout: info.latency * 2 + 1000 }); // expect: no-hardcoded-timeout
// A string built with `+` is no duration.
connect({ timeout: "connect " + 5 });

// Failed assertions are retried until this timeout: a deadline (a flag `retryOnTimeout` is not).
export const defaults = {
  retryAssertionTimeout: 5000, // expect: no-hardcoded-timeout
  retryOnTimeout: false,
};

// How long the engine waits for a step before giving up.
export class ExecutionEngine {
  timeoutDuration = 1e3 * 10; // expect: no-hardcoded-timeout
}

// A lock's expiry stamp: a point in time, not a pad on a wait.
export async function lock(key: string, lockTimeout: number): Promise<boolean> {
  const now = Math.round(Date.now() / 1000);
  const lockTimeoutValue = now + lockTimeout + 1;
  return (await redis.set(key, lockTimeoutValue, "EX", lockTimeout, "NX")) !== null;
}

// A helper that names itself a bounded wait: its duration arguments are timeouts.
declare function nextPacketWithTimeOut(stream: object, ms: number): Promise<unknown>;
declare const stream: object;
export const next = nextPacketWithTimeOut(stream, 10); // expect: no-hardcoded-timeout
