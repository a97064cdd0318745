// JS `no-hardcoded-timeout`, session 22 mend (issue 9): a WebDriver session's timeouts set outside a test (a page
// object, a helper module) are reported like any other timeout, with the callee as written; WebdriverIO v5+'s
// singular `browser.setTimeout({ implicit, pageLoad, script })` sets the same session timeouts. The global
// `setTimeout(fn, ms)` is a timer, and an implicit wait of 0 ("look once") is no bound chosen here.
class LoginPage {
  constructor(driver, browser) {
    this.driver = driver;
    this.browser = browser;
  }

  async open() {
    await this.driver.manage().setTimeouts({
      implicit: 5000, // expect: no-hardcoded-timeout
      pageLoad: 30000, // expect: no-hardcoded-timeout
      script: 10000, // expect: no-hardcoded-timeout
    });
    await this.browser.setTimeout({ implicit: 5000 }); // expect: no-hardcoded-timeout
    await this.browser.setTimeout({ pageLoad: 0, implicit: 0 });
    return this.driver.get("http://localhost:12345/login");
  }
}

module.exports = { LoginPage };
