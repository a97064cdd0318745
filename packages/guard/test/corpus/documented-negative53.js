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
