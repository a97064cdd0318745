/**
 * Every interval the cache measures (backoff, freshness, lag, latency) uses this monotonic clock,
 * never `Date.now()`: a wall-clock step must not make a stale value look fresh or pause delivery.
 * Vitest's fake timers replace `performance.now` too, so relay and health logic run on fake time.
 */
export const monotonicNow = (): number => performance.now();

/**
 * Settles like `promise`, or rejects once `ms` have passed: no cluster can stall a caller longer.
 * When the timer fires, replies that already arrived are read first (one turn of the event loop's
 * I/O phase): a process whose event loop was busy must not blame a cluster that answered in time.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let late: NodeJS.Immediate | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = setImmediate(() => reject(new Error(`${what()} did not answer within ${Math.round(ms)} ms`)));
    }, ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
    clearImmediate(late);
  });
}
