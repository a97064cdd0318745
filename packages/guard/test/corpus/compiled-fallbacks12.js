// The `??` compilers write (issue 9, fresh17's @electric-sql/client: its TypeScript `?? 45_000` is found, its built
// bundle's `(_c = ...) != null ? _c : 45e3` was not): a default timeout either way it is spelled. `expect:` marks findings.
var __privateSet = (obj, member, value) => (member.set(obj, value), value);
var _liveRequestTimeoutMs = new WeakMap();

class ShapeStream {
  constructor(options) {
    var _c, _d;
    this.options = options;
    // esbuild, target below ES2020
    __privateSet(this, _liveRequestTimeoutMs, (_c = this.options.liveRequestTimeoutMs) != null ? _c : 45e3); // expect: no-hardcoded-timeout
    // TypeScript's downlevel `??`
    this.requestTimeout = (_d = options.requestTimeout) !== null && _d !== void 0 ? _d : 10000; // expect: no-hardcoded-timeout
  }

  retryDelay(options) {
    var _a, _b;
    // not a timeout's fallback: a retry count
    const retries = (_a = options.retries) != null ? _a : 3;
    // the temporary tested is not the one handed on: no fallback of the timeout
    const other = (_b = options.timeout) != null ? _a : 5000;
    return retries + other;
  }
}

module.exports = { ShapeStream };
