// Timers made by a factory rather than `setTimeout` (issue 9, session 16 JS recall): when the callback says the
// operation timed out as it fires, the one duration beside it is a deadline. `expect:` marks each line that must be
// flagged.
const { Time } = require("@matter/general");

function connect(peripheral, rejectOnce) {
  return {
    connectTimeout: Time.getTimer("BLE connect timeout", 120_000, () => { // expect: no-hardcoded-timeout
      peripheral.removeAllListeners("connect");
      rejectOnce(new Error(`Timeout while connecting to peripheral ${peripheral.address}`));
    }),
    // A factory's timer whose callback only schedules the next report: a period, no deadline.
    reportTimer: Time.getPeriodicTimer("BLE report", 60_000, () => peripheral.updateRssi()),
  };
}

module.exports = { connect };
