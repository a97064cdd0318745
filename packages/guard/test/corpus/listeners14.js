// Session 14 (guard-jsprec): timers whose listener only logs, and a chat command named `timeout`.
const net = require("net");
const { createTimeout } = require("./common");
const timeoutOps = require("./operations/timeout");

// Node's idle timer calls its listener; a listener that only logs closes nothing (smtp-protocol's example server).
net.createServer((socket) => {
  socket.setTimeout(1000 * 60, function () {
    console.log("Timeout");
  });
});

// The same timer whose listener ends the socket bounds it.
net.createServer((socket) => {
  socket.setTimeout(30000, () => socket.destroy()); // expect: no-hardcoded-timeout
});

// With no listener the socket still gets its 'timeout' event elsewhere: the delay is judged as before.
function idle(socket) {
  socket.setTimeout(45000); // expect: no-hardcoded-timeout
  socket.on("timeout", () => socket.end());
}

class Channel {
  constructor() {
    // A helper that makes a timer whose callback only warns (@hediet/json-rpc's "startListen not called").
    this._timeout = createTimeout(1000, () => {
      if (!this._requestSender) console.warn("startListen has not been called within 1 second");
    });
    // The same helper with a callback that fails the channel is a deadline.
    this._connectTimeout = createTimeout(5000, () => this.fail(new Error("connect timed out"))); // expect: no-hardcoded-timeout
  }
}

// Twitch's moderation command: mute a user for 120 s, a chat operation named `timeout`, not a promise bound.
async function moderate(client) {
  await timeoutOps.timeout(client, "pajlada", "weeb123", 120, "read the rules");
}

// A promise-bounding helper keeps its duration.
async function bounded(client) {
  await timeoutOps.timeout(client.connect(), 2500); // expect: no-hardcoded-timeout
}

// Haraka's logger methods (`logerror`, `logwarn`) on any receiver: a timer that only logs ends nothing.
async function subscribe(connection, client) {
  const timer = setTimeout(() => {
    connection.logerror("redis subscribe timed out");
  }, 3 * 1000);
  await client.connect();
  clearTimeout(timer);
}

// A timer that logs and then rejects is still a deadline.
function connectOrFail(connection, client) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.logwarn("connect timed out");
      reject(new Error("connect timed out"));
    }, 4000); // expect: no-hardcoded-timeout
    client.connect().then(() => {
      clearTimeout(timer);
      resolve(client);
    });
  });
}

module.exports = { idle, Channel, moderate, bounded, subscribe, connectOrFail };
