// JS `no-hardcoded-timeout`, session 63 (issue 9), from session 62's blind set fresh382 (@zombienet/orchestrator): a
// helper of another package named for an abort signal or controller that fires after the one duration it is given
// (`TimeoutAbortController(2)`, a ponyfill of `AbortSignal.timeout`) bounds the request it is handed to. A test of a
// signal (`isTimeoutSignal(signal)`) is no such helper, and a helper the file defines is judged by its body.
const utils_1 = require("@zombienet/utils");

async function fetchMetrics(url) {
  const response = await fetch(url, {
    signal: (0, utils_1.TimeoutAbortController)(2).signal, // expect: no-hardcoded-timeout
  });
  return response.text();
}

async function fetchStatus(url) {
  return fetch(url, { signal: utils_1.createTimeoutSignal(5000) }); // expect: no-hardcoded-timeout
}

function timeoutController(count) {
  return Array.from({ length: count }, () => new AbortController());
}

function describeTermination(signal) {
  const controllers = timeoutController(3);
  return utils_1.isTimeoutSignal(signal, 3000) ? "timed out" : `cancelled ${controllers.length}`;
}

module.exports = { fetchMetrics, fetchStatus, describeTermination };
