// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh313 (@instantdb/core): a constant handed on
// as the fallback of a field (`config.x ?? CONSTANT`) is what the field holds; when the field is only an entry's age
// limit (the entry is deleted once it is older), the constant is a retention lifetime, not a bound on a wait. A
// fallback whose field bounds a request stays reported.
const PENDING_TX_CLEANUP_TIMEOUT = 30_000;
const REQUEST_TIMEOUT = 10_000; // expect: no-hardcoded-timeout

export class Reactor {
  constructor(config) {
    this.config = config;
    this.pending = new Map();
    this._pendingTxCleanupTimeout = this.config.pendingTxCleanupTimeout ?? PENDING_TX_CLEANUP_TIMEOUT;
    this._requestTimeout = this.config.requestTimeout || REQUEST_TIMEOUT;
  }

  cleanupPendingMutations() {
    const now = Date.now();
    for (const [eventId, mut] of Array.from(this.pending.entries())) {
      if (mut.confirmed && mut.confirmed + this._pendingTxCleanupTimeout < now) {
        this.pending.delete(eventId);
      }
    }
  }

  query(url) {
    return fetch(url, { signal: AbortSignal.timeout(this._requestTimeout) });
  }
}
