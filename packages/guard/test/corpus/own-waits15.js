// Session 15 (guard-api): a wait's own "no limit" default handed on as the LAST argument of an API that takes its
// timeout there (a test function: `it(name, fn, timeout)`) is the caller's choice, as at a numbered position.

// A helper that IS the wait for a slow test: its own 0 goes, unchanged, only into `it`'s trailing timeout.
async function slowTest(name, fn, timeout = 0) {
  await it(name, fn, timeout);
}

// Handed on in the middle of the arguments, where `it` takes no timeout: not that wait, so still the file's own 0.
async function describedTest(name, fn, timeout = 0) { // expect: no-unbounded-timeout
  await it(name, timeout, fn, 1);
  if (timeout) setTimeout(() => fn.abort(new Error("test timed out")), timeout);
}

module.exports = { slowTest, describedTest };
