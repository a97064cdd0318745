const http = require("http");

// React's scheduler (vendored in bundles): when a task of each priority expires and then runs without yielding.
var IMMEDIATE_PRIORITY_TIMEOUT = -1;
var USER_BLOCKING_PRIORITY_TIMEOUT = 250;
var NORMAL_PRIORITY_TIMEOUT = 5000;
var LOW_PRIORITY_TIMEOUT = 10000;

// A request's timeout beside them stays one.
function fetchStatus() {
  const REQUEST_TIMEOUT = 30000; // expect: no-hardcoded-timeout
  return http.get("http://example.test/", { timeout: REQUEST_TIMEOUT });
}

module.exports = { fetchStatus, IMMEDIATE_PRIORITY_TIMEOUT, USER_BLOCKING_PRIORITY_TIMEOUT, NORMAL_PRIORITY_TIMEOUT, LOW_PRIORITY_TIMEOUT };
