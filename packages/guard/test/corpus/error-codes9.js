// A constant named for an error holds the error's code, not a duration (issue 9: @open-rpc/client-js' `ERR_TIMEOUT =
// 7777`, oracledb's `ERR_CONN_REQUEST_TIMEOUT: 40`). `expect:` marks findings.
const ERR_TIMEOUT = 7777;
const ERR_UNKNOWN = 7878;
const errors = {
  ERR_CONN_REQUEST_TIMEOUT: 40,
  ERR_CALL_TIMEOUT_EXCEEDED: 123,
};
// A duration under a constant's name is still one.
const REQUEST_TIMEOUT = 5000; // expect: no-hardcoded-timeout
const defaults = { connectTimeout: 10000 }; // expect: no-hardcoded-timeout

module.exports = { ERR_TIMEOUT, ERR_UNKNOWN, errors, REQUEST_TIMEOUT, defaults };
