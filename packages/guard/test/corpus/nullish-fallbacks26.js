// An unset setting that falls back to a bound (`?? 30000`) is no "no limit", though a timer is armed only when it is set.
export class Pool {
  constructor(options = {}) {
    this.defaults = { acquireTimeout: undefined, idleTimeout: null };
    this.options = { ...this.defaults, ...options };
  }

  acquire() {
    const acquireTimeout = this.options.acquireTimeout ?? 30000; // expect: no-hardcoded-timeout
    return new Promise((resolve, reject) => {
      if (acquireTimeout) setTimeout(() => reject(new Error("acquire timed out")), acquireTimeout);
      this.queue.push(resolve);
    });
  }
}

// A setting nothing arms a wait with: its `undefined` bounds nothing.
export const DISPLAY = { toastTimeout: undefined, label: "x" };
