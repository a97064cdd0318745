/**
 * Every interval the cache measures (backoff, freshness, lag, latency) uses this monotonic clock,
 * never `Date.now()`: a wall-clock step must not make a stale value look fresh or pause delivery.
 * Vitest's fake timers replace `performance.now` too, so relay and health logic run on fake time.
 */
export const monotonicNow = (): number => performance.now();

let turn: (() => void)[] | undefined;

/**
 * Runs `fn` once the current turn of the event loop is over: after every command issued in this
 * turn has been written to its connection (ioredis writes on `process.nextTick`). One
 * `setImmediate` serves every caller of the turn.
 */
export function atTurnEnd(fn: () => void): void {
  if (turn === undefined) {
    const batch: (() => void)[] = [];
    turn = batch;
    setImmediate(() => {
      turn = undefined;
      for (const f of batch) f();
    });
  }
  turn.push(fn);
}

/**
 * Settles like `promise`, or rejects once `ms` have passed: no cluster can stall a caller longer.
 * The `ms` start when the current turn of the event loop ends (`atTurnEnd`), not when this is
 * called: a process that issues a thousand calls in one turn spends that turn's CPU before any of
 * them is written, and that time is not the cluster's. When the timer fires, replies that already
 * arrived are read first (one turn of the event loop's I/O phase): a process whose event loop was
 * busy must not blame a cluster that answered in time.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let late: NodeJS.Immediate | undefined;
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      clearImmediate(late);
    };
    promise.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error: unknown) => {
        finish();
        reject(error as Error);
      },
    );
    atTurnEnd(() => {
      if (done) return;
      timer = setTimeout(() => {
        late = setImmediate(() => {
          if (done) return;
          done = true;
          reject(new Error(`${what()} did not answer within ${Math.round(ms)} ms`));
        });
      }, ms);
      timer.unref?.();
    });
  });
}
