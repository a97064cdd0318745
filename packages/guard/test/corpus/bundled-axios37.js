// Issue 9, session 37: axios' own defaults copied into a bundle (stellar's wallet SDK, varsnap) beside other code
// whose `timeout` is a retry delay floored with Math.max. The defaults' `timeout: 0` is axios' documented "no
// timeout is created" for every request of the bundle's axios, whatever the bundle's other `timeout`s are.
// `expect:` marks findings.
function watch(params) {
  const timeout = Math.max(params.timeout, 0);
  setTimeout(() => watch({ ...params, isRetry: true }), timeout);
}

const defaults = {
  adapter: ["xhr", "http", "fetch"],
  /**
   * A timeout in milliseconds to abort a request. If set to 0 (default) a
   * timeout is not created.
   */
  timeout: 0, // expect: no-unbounded-timeout
  xsrfCookieName: "XSRF-TOKEN",
  xsrfHeaderName: "X-XSRF-TOKEN",
  maxContentLength: -1,
  maxBodyLength: -1,
};

// The same key in an object of no axios shape keeps the file's meaning of the name: a retry's floor, no finding.
const retry = { timeout: 0, isRetry: false };

export { defaults, retry, watch };
