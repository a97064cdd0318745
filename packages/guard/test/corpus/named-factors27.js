// A duration restated from named constants, whose literals only multiply them (a factor, a unit conversion), chooses
// no duration of its own: the constants are the choices, reported where they are written (@mysql/xdevapi's tests).
const HOUR = 3600000;
const SECOND = 1;

describe("multi-host", function () {
  const waitForServerToChangeState = 5000; // expect: no-hardcoded-timeout
  const waitForServerToBecomeActive = 20000 + 1000; // expect: no-hardcoded-timeout
  const testTimeout = 1; // expect: no-hardcoded-timeout
  const waitTimeout = testTimeout * 1000 * 2;

  it("connects after some time", function () {
    // The extension of mocha's timeout: reported at the two constants it restates, not here.
    const timeout = waitForServerToBecomeActive + 2 * waitForServerToChangeState;
    this.timeout(this.timeout() + timeout);
    return restartServers(timeout).then(() => new Promise((resolve) => setTimeout(resolve, waitTimeout)));
  });

  // A literal added to a named duration is a pad the code chooses: reported.
  it("pads", function () {
    const restartTimeout = waitForServerToChangeState + 2000; // expect: no-hardcoded-timeout // expect: no-hardcoded-timeout
    return restartServers(restartTimeout);
  });

  // A count of a unit is the chosen duration: `2 * HOUR`, `30 * SECOND` stay reported.
  it("counts units", function () {
    const requestTimeout = 2 * HOUR; // expect: no-hardcoded-timeout
    const connectTimeout = 30 * SECOND; // expect: no-hardcoded-timeout
    return connect({ requestTimeout, connectTimeout });
  });
});
