// JS `no-unbounded-timeout`, session 21 (issue 9): a Playwright fixture's own options (`test.extend({ name: [fn,
// { timeout: 0 }] })`). Playwright counts a fixture's setup and teardown against the test's timeout unless the fixture
// sets its own, and `timeout: 0` switches that limit off: the fixture's teardown (awaiting every visual result of a
// worker) waits with no bound. The test object is known by its import, whatever the file calls it.
const test_1 = require("@playwright/test");
const { test: base } = require("@playwright/test");

exports.test = test_1.test.extend({
  config: [{}, { option: true }],
  runner: [
    async ({}, use) => {
      const runner = await openRunner();
      await use(runner);
      await runner.allResults();
    },
    { scope: "worker", timeout: 0 }, // expect: no-unbounded-timeout
  ],
  eyes: [
    async ({ page }, use) => {
      await use(await openEyes(page));
    },
    { timeout: 0, auto: true }, // expect: no-unbounded-timeout
  ],
});

exports.slow = base.extend({
  server: [
    async ({}, use) => {
      await use(await startServer());
    },
    { scope: "worker", timeout: 60000 }, // expect: no-hardcoded-timeout
  ],
});

// Another library's `extend` (an object merge): its `timeout: 0` is that object's business.
const settings = require("./settings");
exports.merged = settings.extend({ request: [{}, { timeout: 0 }] });
