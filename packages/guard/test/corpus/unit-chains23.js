// JS `no-hardcoded-timeout`, session 23 (issue 9): a unit constant read through a namespace of an imported module
// (`commons_1.TimeUtil.TimeInMillis.SECOND * 4`, compiled code's `TimeUtil.TimeInMillis.SECOND` from another
// package) is a count of milliseconds when a namespace on the way says so: its product with a number is a literal
// duration. A unit enum (`DurationKit.Duration.Unit.MINUTES`) and a namespace in another unit
// (`TimeInSeconds.MINUTE`, 60) say nothing of milliseconds and are not folded, nor a chain whose root is no import.
const commons_1 = require("@wireapp/commons");
const DurationKit = require("@salesforce/kit");
const local = { TimeUtil: { TimeInMillis: { SECOND: 1000 } } };

class ReconnectingWebsocket {
  checkHealth(timeoutMs = commons_1.TimeUtil.TimeInMillis.SECOND * 10) { // expect: no-hardcoded-timeout
    return this.ping(timeoutMs);
  }
}

ReconnectingWebsocket.RECONNECTING_OPTIONS = {
  connectionTimeout: commons_1.TimeUtil.TimeInMillis.SECOND * 4, // expect: no-hardcoded-timeout
  readTimeout: commons_1.TimeUtil.TimeInSeconds.MINUTE * 4,
  unitTimeout: DurationKit.Duration.Unit.MINUTES * 4,
  writeTimeout: local.TimeUtil.TimeInMillis.SECOND * 4,
};

module.exports = { ReconnectingWebsocket };
