// JS `no-hardcoded-timeout`, session 52 (issue 9), from blind sets fresh229 (@rstest/core) and fresh230 (@web5/agent):
// a margin handed to a getter of what remains of a test's timeout (`getRemainingTestTimeout(test, 100)`) is kept
// back from a bound set elsewhere, and a counter of the time a poll has spent (`elapsedTimeout += 100`) counts ticks.
// A default handed to a timeout getter stays a timeout.
const getRemainingTestTimeout = (test, timeoutBuffer) => test.timeout - (Date.now() - test.startedAt) - timeoutBuffer;
const getDefaultSocketTimeout = (handler, fallback) => handler.socketTimeout ?? fallback;

export function hookTimeout(currentTest) {
  const remainingTestTimeout = currentTest ? getRemainingTestTimeout(currentTest, 100) : void 0;
  return remainingTestTimeout;
}

export function socketOptions(handler) {
  const defaultSocketTimeout = getDefaultSocketTimeout(handler, 900_000); // expect: no-hardcoded-timeout
  return { defaultSocketTimeout };
}

// The wait's own default is its bound:
export async function stopSync(engine, timeout = 2000 /* expect: no-hardcoded-timeout */) {
  let elapsedTimeout = 0;
  while (engine.syncLock) {
    if (elapsedTimeout >= timeout) throw new Error(`sync did not stop within ${timeout} ms`);
    elapsedTimeout += 100;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
