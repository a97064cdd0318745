// JS `no-hardcoded-timeout`, session 22 (issue 9): `Math.min` over timeouts. A literal cap among more than two values,
// one of them a timeout (`Math.min(testTimeout, options.timeout, 30000)`), bounds the wait whenever the configured
// value is larger, as the two-value cap does; the fallbacks of timeouts compared inside (`Math.min(t?.connect ?? 6e4,
// t?.request ?? 6e4)`) are the default bound when none is configured. Two literals leave no single cap, and a minimum
// of values none of which is a timeout caps something else.
function qualityTimeout(options, testTimeout) {
  if (options && options.timeout) {
    testTimeout = Math.min(testTimeout, options.timeout, 30000); // expect: no-hardcoded-timeout
  }
  return testTimeout;
}

function resolver(options, resolve) {
  return (...args) =>
    resolve({
      ...args[0],
      timeout: Math.min(options?.timeout?.connect ?? 6e4, options?.timeout?.request ?? 6e4), // expect: no-hardcoded-timeout, no-hardcoded-timeout
    });
}

function batch(items, limit) {
  const size = Math.min(items.length, limit, 500);
  const timeout = Math.min(1000, 2000, limit);
  return { size, timeout };
}

module.exports = { qualityTimeout, resolver, batch };
