// JS `no-unbounded-timeout`, session 53 (issue 9), from blind set fresh239 (@metamask/multichain-api-client): a -1
// the code's own comment calls "no timeout" is its chosen "no limit" default, reported as one. An undocumented -1 is a
// sentinel ("unset"), not a duration.
export const DEFAULT_REQUEST_TIMEOUT = -1; // No timeout by default // expect: no-unbounded-timeout
export const DEFAULT_WARMUP_TIMEOUT = 200; // 200 ms for initial warmup request // expect: no-hardcoded-timeout

export class Tracker {
  constructor() {
    this._idleTimeout = -1;
  }
}

export function withTimeout(promise, timeout = DEFAULT_REQUEST_TIMEOUT) {
  if (timeout === -1) return promise;
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeout))]);
}

// Session 53 (fresh253, @journeyapps/wa-sqlite): a wait's own parameter documented "-1 for infinite" is its caller's
// choice, as a wait's own 0 is.
export class Lock {
  /**
   * @param {'shared'|'exclusive'} mode
   * @param {number} timeout -1 for infinite, 0 for poll, >0 for milliseconds
   */
  async acquire(mode, timeout = -1) {
    const options = { mode, ifAvailable: timeout === 0 };
    if (timeout > 0) options.signal = AbortSignal.timeout(timeout);
    return navigator.locks.request(this.name, options, () => true);
  }
}
