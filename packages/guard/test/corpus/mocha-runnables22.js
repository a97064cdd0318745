// Mocha's "no limit" on its own objects: the current runnable on a test's context and the `mocha` global of the
// browser build take `timeout(0)` as "switch the limit off" (session 22).

// A visual-diff helper the test calls with its context: the comparison runs with no mocha limit.
export async function compareScreenshot(opts) {
  this.test.timeout(0); // expect: no-unbounded-timeout
  return opts.compare(this.test.fullTitle());
}

describe("slow hooks", function () {
  beforeEach(function () {
    this.currentTest.timeout(0); // expect: no-unbounded-timeout
  });
  it("keeps the configured limit", function () {
    this.test.timeout(this.test.parent.timeout()); // a value the caller configured: no literal
  });
});

// The browser build's global: timeouts off in debug mode, the configured one otherwise.
((config) => {
  mocha.timeout(config.mochaOptions.timeout);
  if (config.debug) mocha.timeout(0); // expect: no-unbounded-timeout
})(globalThis.CONFIG);

// An object nobody here knows: its `timeout(0)` is its own business (a stopwatch reset, a builder).
export function reset(stopwatch) {
  stopwatch.timeout(0);
}

/**
 * A runner's UI: mocha hands it the root suite, which then runs every scenario with no limit.
 * @param {Mocha.Suite} suite Root suite.
 */
export function ui(suite) {
  suite.timeout(0); // expect: no-unbounded-timeout
}
