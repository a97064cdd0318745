// Issue 9, session 37 (sapiom's TransactionAuthorizer): a fallback handed whole to an error's constructor is what the
// error reports once the poller has given up; nothing waits on it. The same fallback bounding the poll is a timeout.
// `expect:` marks findings.
export class TransactionAuthorizer {
  constructor(config, poller) {
    this.config = config;
    this.poller = poller;
  }

  async waitForExisting(transactionId) {
    const result = await this.poller.waitForAuthorization(transactionId, {
      timeout: this.config.authorizationTimeout || 30000, // expect: no-hardcoded-timeout
    });
    if (result.status === "authorized") return result.transaction;
    throw new TransactionTimeoutError(transactionId, "unknown", this.config.authorizationTimeout || 30000);
  }
}

class TransactionTimeoutError extends Error {
  constructor(id, resource, timeout) {
    super(`transaction ${id} for ${resource} not authorized within ${timeout} ms`);
    this.timeout = timeout;
  }
}
