// JS `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh214 (@dxos/edge-client): a retry's base delay
// named `timeout`, read back through a fallback on the caller's own `retry.timeout` and a jittered local only a sleep
// reads, is the pause before the next try. `AbortSignal.timeout(ms)` is a method called, not a read of a `timeout`.
// The same chain with the local handed to a request stays a timeout.
const DEFAULT_RETRY_TIMEOUT = 1500;
const DEFAULT_RETRY_JITTER = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const createRetryHandler = (args: { retry: { count: number; timeout?: number; jitter?: number } }) => {
  let retries = 0;
  const baseTimeout = args.retry.timeout ?? DEFAULT_RETRY_TIMEOUT;
  const jitter = args.retry.jitter ?? DEFAULT_RETRY_JITTER;
  return async (retryAfter: number) => {
    if (++retries > args.retry.count) return false;
    if (retryAfter) {
      await sleep(retryAfter);
    } else {
      const timeout = baseTimeout + Math.random() * jitter;
      await sleep(timeout);
    }
    return true;
  };
};

const DEFAULT_CALL_TIMEOUT = 5000; // expect: no-hardcoded-timeout

export async function call(url: string, opts: { call: { limit?: number } }) {
  const callTimeout = opts.call.limit ?? DEFAULT_CALL_TIMEOUT;
  const deadline = callTimeout * 2;
  await sleep(deadline);
  return fetch(url, { signal: AbortSignal.timeout(deadline) });
}

// From blind set fresh223 (@uploadcare/upload-client): the `retry` a retrier hands its callback takes the pause before
// the next attempt, a linear backoff on the attempt count.
declare function retrier<T>(
  run: (tools: { attempt: number; retry: (delay: number) => Promise<T> }) => Promise<T>,
): Promise<T>;
const DEFAULT_NETWORK_ERROR_TIMEOUT = 1000;

export function retryIfFailed<T>(fn: () => Promise<T>, maxTimes: number): Promise<T> {
  return retrier(({ attempt, retry }) =>
    fn().catch((error: unknown) => {
      if (attempt < maxTimes) return retry((attempt + 1) * DEFAULT_NETWORK_ERROR_TIMEOUT);
      throw error;
    }),
  );
}
