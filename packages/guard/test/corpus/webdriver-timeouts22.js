// JS `no-hardcoded-timeout`, session 22 (issue 9): a WebDriver session's timeouts, set by the kind of wait they bound
// (W3C "Set Timeouts") rather than under a timeout's name: the implicit wait bounds every element lookup, `pageLoad`
// a navigation, `script` an injected script. Reported as a test's own bound: they run in the browser's driver, and
// WebdriverIO's sync mode blocks on each command of a test that looks synchronous. An implicit wait of 0 ("look
// once", the default) and a setter's other keys or kinds are not bounds chosen here.
describe("websocket page", () => {
  it("sees the payload", () => {
    browser.timeouts("implicit", 60000); // expect: no-hardcoded-timeout
    browser.url("http://localhost:12345/");
    expect(browser.getValue("#plaintext")).to.equal("payload");
  });

  it("drives selenium", async () => {
    await driver.manage().setTimeouts({ implicit: 5000 }); // expect: no-hardcoded-timeout
    await driver.manage().setTimeouts({ implicit: 0 });
    await driver.get("http://localhost:12345/");
  });
});

async function configure(I) {
  I.defineTimeout({
    implicit: 10000, // expect: no-hardcoded-timeout
    pageLoad: 10000, // expect: no-hardcoded-timeout
    script: 5000, // expect: no-hardcoded-timeout
  });
  const operation = retry.timeouts({ retries: 3, factor: 2 });
  stats.timeouts("other", 100);
  return operation;
}

module.exports = { configure };
