// JS `no-hardcoded-timeout`, session 52 (issue 9), from blind set fresh217 (@fluidframework/driver-web-cache): a
// `requestIdleCallback` shim's `const deadline = Date.now() + 50`, read only by the `timeRemaining()` of the
// IdleDeadline it hands its callback, is how long the callback may work before yielding: nothing waits for it. A
// deadline a poll also reads stays one.
declare function idleTaskCallback(deadline: { timeRemaining: () => number; didTimeout: boolean }): void;

export function ensureIdleCallback(timeout: number): void {
  if (self.requestIdleCallback) {
    self.requestIdleCallback(idleTaskCallback);
  } else {
    const deadline = Date.now() + 50;
    self.setTimeout(
      () =>
        idleTaskCallback({
          timeRemaining: () => Math.max(deadline - Date.now(), 0),
          didTimeout: false,
        }),
      timeout,
    );
  }
}

export async function waitIdle(isIdle: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000; // expect: no-hardcoded-timeout
  while (!isIdle()) {
    if (Date.now() > deadline) throw new Error("not idle in time");
    idleTaskCallback({ timeRemaining: () => Math.max(deadline - Date.now(), 0), didTimeout: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Session 53 (fresh241, @astrojs/prefetch): the shim's budget is the caller's `timeout` option with a default, read
// only by `timeRemaining()`.
export function shim(callback: (deadline: { didTimeout: boolean; timeRemaining: () => number }) => void, options?: { timeout?: number }) {
  const timeout = options?.timeout ?? 50;
  const start = Date.now();
  return setTimeout(function () {
    callback({
      didTimeout: false,
      timeRemaining: function () {
        return Math.max(0, timeout - (Date.now() - start));
      },
    });
  }, 1);
}

export async function fetchWithin(url: string, options?: { timeout?: number }) {
  const timeout = options?.timeout ?? 5000; // expect: no-hardcoded-timeout
  return fetch(url, { signal: AbortSignal.timeout(timeout) });
}
