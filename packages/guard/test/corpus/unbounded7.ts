// JS `no-unbounded-timeout` families found on fresh7 and scout8unb (issue 9): a "no limit" is reported only where
// the code shows a wait left unbounded. `expect:` marks each line that must be flagged.
declare function normalizeDurationMs(value: unknown): number;

// A field's 0 that a method overwrites with its input before the object is used is a placeholder (oracledb's
// `_queueTimeout = 0`, then `_setup(options)`); a 0 that stays until the caller sets one is the default.
export class PoolLike {
  private _queueTimeout: number;
  private _acquireTimeout = 0;
  constructor() {
    this._queueTimeout = 0;
  }
  _setup(options: { queueTimeout: number; acquireTimeout: number }, alias?: string) {
    this._queueTimeout = options.queueTimeout;
    this._acquireTimeout = options.acquireTimeout;
    return alias;
  }
  wait(fail: () => void) {
    if (this._queueTimeout > 0) setTimeout(fail, this._queueTimeout);
    if (this._acquireTimeout > 0) setTimeout(fail, this._acquireTimeout);
  }
}
export class ReconfiguredPool {
  private queueTimeout: number;
  constructor() {
    this.queueTimeout = 0; // expect: no-unbounded-timeout
  }
  reconfigure(options: { queueTimeout?: number }) {
    if (options.queueTimeout !== undefined) this.queueTimeout = options.queueTimeout;
  }
  wait(fail: () => void) {
    if (this.queueTimeout > 0) setTimeout(fail, this.queueTimeout);
  }
}

export class KeptDefault {
  private drainTimeout: number;
  constructor() {
    this.drainTimeout = 0; // expect: no-unbounded-timeout
  }
  configure(options: { drainTimeout?: number }) {
    this.drainTimeout = options.drainTimeout ?? this.drainTimeout;
  }
  watch(close: () => void) {
    if (this.drainTimeout > 0) setTimeout(close, this.drainTimeout);
  }
}

// A timer's handle kept under a timeout name (smtp-server's `_closeTimeout = false`), and a flag the code raises
// (zx's `let checkIsTimeout = false`): neither holds a duration.
export class ServerLike {
  private _closeTimeout: ReturnType<typeof setTimeout> | false;
  constructor() {
    this._closeTimeout = false;
  }
  close(done: () => void, grace: number) {
    clearTimeout(this._closeTimeout || undefined);
    this._closeTimeout = setTimeout(done, grace);
  }
}
export function killed(lookup: (done: (alive: boolean) => void) => void, onTimeout: () => void, ms: number) {
  let checkIsTimeout = false;
  const timer = setTimeout(() => {
    checkIsTimeout = true;
    onTimeout();
  }, ms);
  lookup((alive) => {
    if (checkIsTimeout) return;
    if (!alive) clearTimeout(timer);
  });
}

// The caller's own `false` passed on as it is (inngest's `runningTimeout === false ? false : ...`).
export function sandboxOptions(parsed: { runningTimeout?: number | false }) {
  const { runningTimeout } = parsed;
  return { runningTimeoutMs: runningTimeout === false ? false : normalizeDurationMs(runningTimeout) };
}

// `|| Infinity` for a delay whose timer only runs the next step (better-queue's batch delay) switches the delay
// off; for a timer that fails the task it is "no limit".
export class QueueLike {
  batchDelayTimeout: number;
  taskTimeout: number;
  constructor(opts: { batchDelayTimeout?: number; taskTimeout?: number }) {
    this.batchDelayTimeout = opts.batchDelayTimeout || Infinity;
    this.taskTimeout = opts.taskTimeout || Infinity; // expect: no-unbounded-timeout
  }
  push(processNext: () => void, worker: { failedBatch(reason: string): void }) {
    if (this.batchDelayTimeout < Infinity)
      setTimeout(() => {
        processNext();
      }, this.batchDelayTimeout);
    if (this.taskTimeout < Infinity)
      setTimeout(() => {
        worker.failedBatch("task_timeout");
      }, this.taskTimeout);
  }
}

// The code's own "no limit" handed to its parent class (minipass-fetch's Request → Body).
class Body {
  constructor(
    readonly body: unknown,
    readonly options: { timeout?: number },
  ) {}
}
export class RequestLike extends Body {
  constructor(init: { timeout?: number }, input: { timeout?: number }) {
    super(null, {
      timeout: init.timeout || input.timeout || 0, // not reported since session 9: the parent class is not in the file
    });
  }
}
