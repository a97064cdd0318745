// JS `no-hardcoded-timeout`, session 29 (issue 9): durations named like timeouts that are only the pause before the
// next attempt (@filen/sdk's `retryTimeout`, @clevercloud/client's `INIT_RETRY_TIMEOUT`): every read of the name is a
// sleep's delay, or the base of an exponential backoff whose timer starts the next try. A per-try deadline (a timer
// that aborts the try) and a request's `timeout` option inside the same loop stay reported.
const DEFAULTS = {
  requestTimeout: 30000, // expect: no-hardcoded-timeout
  retryTimeout: 1000,
  maxRetries: 5,
};

const INIT_RETRY_TIMEOUT = 1500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function request(url, params = {}) {
  const retryTimeout = params.retryTimeout ? params.retryTimeout : DEFAULTS.retryTimeout;
  for (let i = 0; i < DEFAULTS.maxRetries; i++) {
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(), params.requestTimeout ?? DEFAULTS.requestTimeout);
    try {
      return await fetch(url, { signal: controller.signal });
    } catch (error) {
      console.log(`retrying in ${retryTimeout} ms`);
      await sleep(retryTimeout);
    } finally {
      clearTimeout(deadline);
    }
  }
}

export async function acquireLock({ resource, maxTries = 100, tryTimeout = 1000 }) {
  for (let tries = 0; tries < maxTries; tries++) {
    if (await tryLock(resource)) return;
    await new Promise((resolve) => setTimeout(resolve, tryTimeout));
  }
  throw new Error("lock not acquired");
}

export class Stream {
  constructor(options = {}) {
    this._retry = { initRetryTimeout: options.initRetryTimeout || INIT_RETRY_TIMEOUT, backoffFactor: 1.25, count: 0 };
  }

  _onError() {
    this._retry.count += 1;
    const delay = this._retry.initRetryTimeout * this._retry.backoffFactor ** this._retry.count;
    this._retryId = setTimeout(() => {
      this._open();
    }, delay);
  }
}

export async function waitAndPoll(client) {
  await client.utils.setTimeout(500);
  return client.poll({ pollTimeout: 2000 }); // expect: no-hardcoded-timeout
}
