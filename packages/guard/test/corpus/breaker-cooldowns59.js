// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh308 (@jpisnice/shadcn-ui-mcp-server): how
// long a circuit breaker stays open is compared with the time since its last failure, and reaching it lets calls
// through again (half-open): a cooldown, not a bound on a wait. A poll that gives up once its own time is spent stays
// reported.
export class CircuitBreaker {
  constructor(config = {}) {
    this.config = { failureThreshold: config.failureThreshold || 5, timeout: config.timeout || 60000 };
  }

  isOpen() {
    if (this.state === "OPEN") {
      if (Date.now() - this.lastFailureTime >= this.config.timeout) {
        this.state = "HALF_OPEN";
        this.successes = 0;
        return false;
      }
      return true;
    }
    return false;
  }
}

export const breakers = { github: new CircuitBreaker({ failureThreshold: 3, timeout: 30000 }) };

export async function waitForReady(probe) {
  const started = Date.now();
  const readyTimeout = 20000; // expect: no-hardcoded-timeout
  while (!(await probe())) {
    if (Date.now() - started > readyTimeout) {
      this.state = "HALF_OPEN";
      throw new Error("not ready");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
