// A global build bundles other packages' modules next to the code's own (esbuild's `__esm`/`__commonJS` tables).
// A bundled module's fallback for its own objects (node-fetch's `init.timeout || 0`) is not one for the provider's
// table: the provider's `timeout: void 0` stays its "no limit" (@fuel-ts/providers' index.global.js).
var __esm = (fn, res) =>
  function __init() {
    return fn && (res = (0, fn[Object.keys(fn)[0]])((fn = 0))), res;
  };
var __commonJS = (cb, mod) =>
  function __require() {
    return mod || (0, cb[Object.keys(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  };

var init_lib = __esm({
  "../../node_modules/node-fetch/lib/index.mjs"() {
    globalThis.makeRequest = (input, init) => ({ follow: init.follow, size: init.size || 0, wait: init.timeout || 0 });
  },
});

// A bundled module whose table has a fallback in the same module: an unset timeout takes it, nothing unbounded.
var require_client = __commonJS({
  "../../node_modules/some-client/index.js"(exports, module) {
    class Client {
      constructor(options = {}) {
        this.options = { timeout: void 0, ...{} };
        this.defaults = { timeout: undefined };
      }
      fetch(url) {
        const ms = this.defaults.timeout ?? 30000; // expect: no-hardcoded-timeout
        return fetch(url, { signal: ms ? AbortSignal.timeout(ms) : undefined });
      }
    }
    module.exports = Client;
  },
});

var Provider = class {
  constructor(url, options = {}) {
    init_lib();
    require_client();
    this.url = url;
    this.options = {
      timeout: void 0, // expect: no-unbounded-timeout
      retryOptions: void 0,
    };
    this.options = { ...this.options, ...options };
  }
  static getFetchFn(options) {
    const { timeout } = options;
    return (url, request) => {
      const signal = timeout ? AbortSignal.timeout(timeout) : void 0;
      return fetch(url, { ...request, signal });
    };
  }
};
export { Provider };
