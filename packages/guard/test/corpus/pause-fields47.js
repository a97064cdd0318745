// JS `no-hardcoded-timeout`, session 47 (issue 9): a pause kept in the object's own field or handed on to the file's
// own class by position (@azure/core-http's `rpRegistrationPolicy(retryTimeout = 30)` builds `new
// RPRegistrationPolicy(next, options, retryTimeout)`, which keeps `this._retryTimeout` and reads it only as `await
// delay(policy._retryTimeout * 1000)` between two polls of the registration status). The value is a poll interval:
// nothing ends when it runs out. A field also read as a request's bound stays reported.
import { delay } from "@azure/core-util";

export function rpRegistrationPolicy(retryTimeout = 30) {
  return { create: (nextPolicy, options) => new RPRegistrationPolicy(nextPolicy, options, retryTimeout) };
}

export class RPRegistrationPolicy {
  constructor(nextPolicy, options, _retryTimeout = 30) {
    this._nextPolicy = nextPolicy;
    this._retryTimeout = _retryTimeout;
  }
}

async function getRegistrationStatus(policy, url) {
  const res = await policy._nextPolicy.sendRequest({ url, method: "GET" });
  if (res.parsedBody?.registrationState === "Registered") return true;
  await delay(policy._retryTimeout * 1000);
  return getRegistrationStatus(policy, url);
}

// The same shape, but the field is also the request's own bound: a deadline, reported where it is written.
export class StatusPoller {
  constructor(client, _pollTimeout = 30) { // expect: no-hardcoded-timeout
    this.client = client;
    this._pollTimeout = _pollTimeout;
  }

  async poll(url) {
    const res = await this.client.get(url, { timeout: this._pollTimeout * 1000 });
    if (res.done) return res;
    await delay(this._pollTimeout * 1000);
    return this.poll(url);
  }
}

export { getRegistrationStatus };
