// JS `no-hardcoded-timeout`, session 63 (issue 9), from session 62's blind sets (apigee-edge-js, mysql-wait): mocha
// copies a suite's timeout onto each test and hook as it is declared, before any test runs. `this.timeout(ms)` in an
// arrow test or hook inside a suite's `function` sets the suite's timeout (an arrow has no `this` of its own) while
// the test runs, too late to bound anything. In a `function` test it is the test's own timeout, and directly in the
// suite's `function` the suite's timeout for the tests declared after it: both stay reported.
describe("Keystore", function () {
  this.timeout(30000); // expect: no-hardcoded-timeout

  describe("import cert", () => {
    it("imports a key and a cert", (done) => {
      this.timeout(65000);
      importCert().then(() => done());
    });

    before(() => {
      this.timeout(20000);
      return createKeystore();
    });

    it("lists the aliases", function (done) {
      this.timeout(15000); // expect: no-hardcoded-timeout
      listAliases().then(() => done());
    });
  });
});

describe("mysql-wait", () => {
  it("connects at once to a running server", function () {
    this.timeout(200); // expect: no-hardcoded-timeout
    return wait(connectionDetails);
  });
});
