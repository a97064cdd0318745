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

// A method's per-call options merged with the caller's (qyu's `enqueue`): the method is the wait, its own unset
// timeout leaves the bound to its caller.
export class Queue {
  enqueue(fn, opts = {}) {
    const job = { fn, opts: { jobTimeout: null, priority: 0, ...opts } };
    if (opts.jobTimeout) setTimeout(() => job.reject(new Error("job timed out")), opts.jobTimeout);
    return job;
  }
}

// Only a comment says "no timeout", and nothing reads the key: an unset value that bounds nothing.
export const WAIT_DEFAULTS = {
  maxAttempts: 60,
  waitTimeoutSeconds: undefined, // No timeout by default
};
