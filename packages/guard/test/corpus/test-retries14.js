// WebdriverIO's mocha and jasmine adapters read a test's or hook's last argument as its retry count: no test or
// hook runs in 2 ms, so a count that small is no timeout (wdio-mocha-framework's fixtures).
describe("flaky", () => {
  before(() => {
    browser.command();
  }, 2);

  it("retried", () => {
    browser.command();
  }, 3);

  // A test's timeout in milliseconds stays one.
  it("slow", async () => {
    await browser.url("/");
  }, 20000); // expect: no-hardcoded-timeout

  afterEach(async () => {
    await browser.reloadSession();
  }, 15000); // expect: no-hardcoded-timeout
});
