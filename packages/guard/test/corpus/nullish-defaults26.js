// A class's default options keep `timeout: void 0`; its fetches arm an abort signal only when the timeout is set, and
// nothing falls back from it: an unset timeout is the provider's "no limit" (@fuel-ts/providers).
export class Provider {
  constructor(url, options = {}) {
    this.url = url;
    this.options = {
      timeout: void 0, // expect: no-unbounded-timeout
      cacheUtxo: void 0,
      retryOptions: undefined,
    };
    this.options = { ...this.options, ...options };
  }

  static getFetchFn(options) {
    const { timeout } = options;
    return (url, request) => {
      const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
      return fetch(url, { ...request, signal });
    };
  }
}

// A per-call option left unset for the receiver, which applies its own default: nothing chosen here.
export function query(client) {
  return client.request({ requestTimeout: undefined });
}
