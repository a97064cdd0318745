// A duration restated from named constants, whose literals only multiply them (a factor, a unit conversion), chooses
// no duration of its own: the constants are the choices, reported where they are written (@mysql/xdevapi's tests).
// Only a timeout is reported where it is written: a multiple of a named interval that is no timeout
// (lifion-kinesis' `HEARTBEAT_FAILURE_TIMEOUT = HEARTBEAT_INTERVAL * 2`) is the choice, reported where it is made.
const HOUR = 3600000;
const SECOND = 1;

describe("multi-host", function () {
  const serverChangeTimeout = 5000; // expect: no-hardcoded-timeout
  const serverActiveTimeout = 20000 + 1000; // expect: no-hardcoded-timeout
  const testTimeout = 1; // expect: no-hardcoded-timeout
  const waitTimeout = testTimeout * 1000 * 2;

  it("connects after some time", function () {
    // The extension of mocha's timeout: reported at the two constants it restates, not here.
    const timeout = serverActiveTimeout + 2 * serverChangeTimeout;
    this.timeout(this.timeout() + timeout);
    return restartServers(timeout).then(() => new Promise((resolve) => setTimeout(resolve, waitTimeout)));
  });

  // A literal added to a named duration is a pad the code chooses: reported.
  it("pads", function () {
    const restartTimeout = serverChangeTimeout + 2000; // expect: no-hardcoded-timeout // expect: no-hardcoded-timeout
    return restartServers(restartTimeout);
  });

  // A count of a unit is the chosen duration: `2 * HOUR`, `30 * SECOND` stay reported.
  it("counts units", function () {
    const requestTimeout = 2 * HOUR; // expect: no-hardcoded-timeout
    const connectTimeout = 30 * SECOND; // expect: no-hardcoded-timeout
    return connect({ requestTimeout, connectTimeout });
  });
});

const HEARTBEAT_INTERVAL = 20 * 1000;
const HEARTBEAT_FAILURE_TIMEOUT = HEARTBEAT_INTERVAL * 2; // expect: no-hardcoded-timeout

export function isStale(heartbeat, now) {
  return now - heartbeat > HEARTBEAT_FAILURE_TIMEOUT;
}
