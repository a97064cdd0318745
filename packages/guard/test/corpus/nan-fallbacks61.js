// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh348 (@milaboratories/pl-client): a `??` after
// a value that is never null or undefined (`parseInt` gives NaN for a missing parameter) never applies, so its number
// bounds nothing. A `??` after a value that can be missing keeps its default, and so does `||` (NaN is falsy).
function plAddressToConfig(url) {
  return {
    defaultRequestTimeout: parseInt(url.searchParams.get("request-timeout")) ?? 5e3,
    defaultROTransactionTimeout:
      parseInt(url.searchParams.get("ro-tx-timeout")) ?? parseInt(url.searchParams.get("tx-timeout")) ?? 3e5,
    defaultRWTransactionTimeout: Number(url.searchParams.get("rw-tx-timeout")) ?? 6e4,
    connectTimeout: url.searchParams.get("connect-timeout") ?? 10e3, // expect: no-hardcoded-timeout
    readTimeout: parseInt(url.searchParams.get("read-timeout")) || 15e3, // expect: no-hardcoded-timeout
  };
}

function compiled(url) {
  var _a, _b;
  return {
    requestTimeout: (_a = parseInt(url.searchParams.get("request-timeout"))) !== null && _a !== void 0 ? _a : 5e3,
    idleTimeout: (_b = url.searchParams.get("idle-timeout")) !== null && _b !== void 0 ? _b : 30e3, // expect: no-hardcoded-timeout
  };
}

module.exports = { plAddressToConfig, compiled };
