// JS `no-unbounded-timeout`, session 11 round 2 (issue 9): a clock deadline computed only when a value is set is a
// wait that 0 leaves without a bound; a transport timer the code switches off because, as its comment says, another
// timeout bounds each request is no "no limit".
import { Agent } from "undici";

// hypercore: `waitForRecovery({ timeout = 0 })` polls until recovery, with a deadline only when a timeout is given.
// The method is the wait: its own default is its caller's choice (the labelling rule; session 15), not reported. A
// session that keeps the 0 for the waits it makes later is its own "no limit".
export class SessionState {
  async waitForRecovery(session, { timeout = 0 } = {}) {
    const deadline = timeout > 0 ? Date.now() + timeout : 0;
    while (session.closing === null) {
      if (deadline !== 0 && Date.now() >= deadline) throw REQUEST_TIMEOUT("recovery");
      await session.poll(bounded(RETRY, deadline));
    }
  }
}

export class Recovery {
  constructor(options) {
    this.recoveryTimeout = options.recoveryTimeout || 0; // expect: no-unbounded-timeout
  }

  async wait(session) {
    const deadline = this.recoveryTimeout > 0 ? Date.now() + this.recoveryTimeout : 0;
    while (session.closing === null) {
      if (deadline !== 0 && Date.now() >= deadline) throw REQUEST_TIMEOUT("recovery");
      await session.poll(bounded(RETRY, deadline));
    }
  }
}

// The same deadline tested in another function on a different name is no flow: `limit` is never tested.
export function until(check, { limit = 0 } = {}) {
  const end = Date.now() + limit;
  return end;
}

// qdrant: undici's own timers switched off, each request carrying the client's `AbortSignal` timeout instead.
export const createDispatcher = (connections = 25) =>
  new Agent({
    // timeouts are handled by AbortSignal in our middleware
    bodyTimeout: 0,
    headersTimeout: 0,
    connections,
  });

// Without such a comment undici's own meaning of zero stands (its body timer switched off).
export const plainDispatcher = () => new Agent({ bodyTimeout: 0 }); // expect: no-unbounded-timeout

// aerospike: the script's own comment says what its 0s handed to a policy nobody here knows mean.
export function writeAll(client, key, bins, Aerospike) {
  const policy = new Aerospike.WritePolicy({
    // Timeouts disabled, latency dependent on server location.
    socketTimeout: 0, // expect: no-unbounded-timeout
    totalTimeout: 0, // expect: no-unbounded-timeout
  });
  return client.put(key, bins, policy);
}

// Without a word about them, what 0 means is the policy's business.
export const readPolicy = (Aerospike) => new Aerospike.ReadPolicy({ socketTimeout: 0 });
