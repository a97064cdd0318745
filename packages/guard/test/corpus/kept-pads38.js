// Issue 9, session 38 (fresh94): the Stainless-generated @snagsolutions/sdk raises its agent's socket timeout to the
// request's timeout plus a literal second, kept first in a local whose name says only that it is a floor. The pad is a
// hardcoded part of the socket's timeout wherever it is written. A local that is no pad (a factor on the timeout), or
// one never handed to a timeout, is no finding. `expect:` marks findings.
function buildRequest(options, httpAgent) {
  const minAgentTimeout = options.timeout + 1000; // expect: no-hardcoded-timeout
  if (typeof httpAgent?.options?.timeout === "number" && minAgentTimeout > (httpAgent.options.timeout ?? 0)) {
    httpAgent.options.timeout = minAgentTimeout;
  }
  const retries = options.maxRetries + 2;
  httpAgent.options.timeout = retries;
  const scaled = options.timeout * 2;
  setTimeout(() => httpAgent.destroy(new Error("timed out")), scaled);
  const budget = options.timeout + 500;
  log("request budget", budget);
  return { httpAgent };
}
module.exports = { buildRequest };
