// Timeouts in other shapes (issue 9, session 9 JS recall): one per attempt in an array under the plural name, a
// utility's fallback for an unset timeout, a keep-alive timeout's delay (a liveness wait, not a keep-alive's
// schedule). `expect:` marks each line that must be flagged.
const { Session } = require("snmp-native");
const _ = { get: (value, fallback) => (typeof value === "undefined" ? fallback : value) };

// An SNMP session's defaults: the request is sent again after each attempt's timeout runs out.
const defaults = {
  community: "public",
  timeouts: [5000, 5000, 5000], // expect: no-hardcoded-timeout
};
function transmit(options, attempt, send) {
  return setTimeout(send, options.timeouts[attempt]);
}
// A test's session against a real agent: the option reaches the session's timer.
const session = new Session({ port: 1161, timeouts: [50, 125] }); // expect: no-hardcoded-timeout

// Not timeouts: a backoff schedule (delays between tries), a list of timer handles, a list nothing reads so.
const retry = { retryTimeouts: [100, 500, 2000] };
const state = { timeouts: [] };
const stats = { requestTimeouts: [1, 2, 3] };

// How long to wait for the PONG before the connection is closed.
function watchPong(client) {
  client.pingTimeout = setTimeout(() => client.ws.close(), _.get(client.opts.connection.timeout, 9999)); // expect: no-hardcoded-timeout
}

// Not a fallback of a timeout: a utility given something else.
const port = _.get(process.env.PORT, 8080);

// Two minutes without any data from the stream and the connection counts as lost; the caller's "disable" re-spelled
// as Infinity is the caller's choice, not one made here.
class TweetStream {
  constructor() {
    this.keepAliveTimeoutMs = 1000 * 120; // expect: no-hardcoded-timeout
    this.onKeepAliveTimeout = this.onKeepAliveTimeout.bind(this);
  }
  connect(options) {
    this.keepAliveTimeoutMs = options.keepAliveTimeout === "disable" ? Infinity : options.keepAliveTimeout;
  }
  resetKeepAliveTimeout() {
    clearTimeout(this.keepAliveTimeout);
    this.keepAliveTimeout = setTimeout(this.onKeepAliveTimeout, this.keepAliveTimeoutMs);
  }
  onKeepAliveTimeout() {
    this.emit("connection lost");
  }
}

// Not a wait: a keep-alive sent on a schedule.
class Pinger {
  constructor() {
    this.keepAliveIntervalTimeout = 30000;
  }
  start() {
    this.keepAliveTimer = setTimeout(() => this.sendKeepAlive(), this.keepAliveIntervalTimeout);
  }
}

module.exports = { defaults, transmit, session, retry, state, stats, watchPong, port, TweetStream, Pinger };
