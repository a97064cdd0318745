// Issue 9, fresh49's false finding in @mysql/xdevapi's failover tests: mocha's timeout extended by a named constant
// times a factor (`waitForServerToBecomeUnavailable * 2`). The factor is no timeout: the constant is, reported once
// at its declaration however many tests extend their timeout with it. `expect:` marks findings.
"use strict";

describe("when some endpoints in the list are not available", () => {
  const endpoints = [{ host: "primary" }, { host: "replica" }];
  const waitForServerToBecomeUnavailable = 2000; // expect: no-hardcoded-timeout

  it("connects to the next available endpoint", function () {
    this.timeout(this.timeout() * endpoints.length + waitForServerToBecomeUnavailable * 2);
    return connect(endpoints);
  });

  it("fails over to the next endpoint", function () {
    this.timeout(this.timeout() * endpoints.length + waitForServerToBecomeUnavailable * 2);
    return connect(endpoints);
  });

  // A literal pad stays reported where it is written.
  it("waits for the restart", function () {
    this.timeout(this.timeout() * endpoints.length + 5000); // expect: no-hardcoded-timeout
    return connect(endpoints);
  });
});
