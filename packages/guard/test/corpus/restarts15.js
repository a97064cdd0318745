// Session 15 (guard-jsprec): timers whose callback starts work again (a reconnect, the next try) are delays, not
// deadlines, also when the value reaches them through a method of the file or is logged on the way.
class WsClient {
  constructor(options) {
    // okx-api's WebSocket client: the default reaches only `reconnectWithDelay`'s timer, which reconnects.
    this.options = { pingInterval: 10000, reconnectTimeout: 500, ...options };
  }

  onClose(wsKey) {
    this.reconnectWithDelay(wsKey, this.options.reconnectTimeout);
  }

  reconnectWithDelay(wsKey, connectionDelayMs) {
    this.clearTimers(wsKey);
    this.timer = setTimeout(() => {
      this.logger.info("Reconnecting to websocket", { wsKey });
      this.clearReconnectTimer(wsKey);
      this.connect(wsKey);
    }, connectionDelayMs);
  }
}

class AbortingClient {
  constructor(options) {
    // The same shape whose timer ends the pending attempt is a deadline.
    this.options = { connectTimeout: 5000, ...options }; // expect: no-hardcoded-timeout
  }

  open(wsKey) {
    this.armWithDelay(wsKey, this.options.connectTimeout);
  }

  armWithDelay(wsKey, delayMs) {
    this.timer = setTimeout(() => {
      this.socket.terminate();
      this.connect(wsKey);
    }, delayMs);
  }
}

class HandedOnClient {
  constructor(options) {
    // A method whose parameter also reaches something else (a request) may be bounded by it.
    this.options = { requestTimeout: 3000, ...options }; // expect: no-hardcoded-timeout
  }

  send(body) {
    this.later(body, this.options.requestTimeout);
  }

  later(body, delayMs) {
    this.http.post(body, { timeout: delayMs });
    setTimeout(() => this.connect(), delayMs);
  }
}

// zookeeper-watcher: the reconnect delay is logged, then armed with the function that made the client.
function Watcher(options) {
  this._reconnectTimeout = options.reconnectTimeout || 20000;
  this._newZK();
}

Watcher.prototype._newZK = function () {
  const self = this;
  const zk = zookeeper.createClient(this.connectionString);
  zk.once("expired", function () {
    debug("zk closed, %d ms reconnect", self._reconnectTimeout);
    zk.close();
    setTimeout(self._newZK.bind(self), self._reconnectTimeout);
  });
  zk.connect();
};

// Logged and armed with a timer that ends the attempt: still a deadline.
function Dialer(options) {
  this._connectTimeout = options.connectTimeout || 30000; // expect: no-hardcoded-timeout
  debug("connect timeout %d", this._connectTimeout);
  setTimeout(() => this.socket.destroy(), this._connectTimeout);
}

// syslog-client's tests: a client built with a TCP timeout whose fields alone are checked, then `done()` at once.
describe("Syslog Client", function () {
  it("sets options", function (done) {
    var client;
    client = new syslogClient.createClient("127.0.0.2", { port: 5555, tcpTimeout: 50 });
    client.port.should.equal(5555);
    client.tcpTimeout.should.equal(50);
    done();
  });

  // `done` called when the log has been sent: the client's TCP connection waits under its timeout.
  it("sends over TCP", function (done) {
    var client = new syslogClient.createClient("127.0.0.1", { tcpTimeout: 500 }); // expect: no-hardcoded-timeout
    client.log("message", function (error) {
      should.not.exist(error);
      done();
    });
  });

  // `done` called last, but the test also starts a send it does not wait for: it acts.
  it("starts a send", function (done) {
    var client = new syslogClient.createClient("127.0.0.1", { tcpTimeout: 700 }); // expect: no-hardcoded-timeout
    client.log("message");
    done();
  });
});

// @upstash/realtime: a liveness timer whose callback says the connection timed out and reconnects is a deadline.
const PING_TIMEOUT_MS = 75e3; // expect: no-hardcoded-timeout
function resetPingTimeout(ref, connect) {
  clearTimeout(ref.current);
  ref.current = setTimeout(() => {
    console.warn("Connection timed out, reconnecting...");
    connect();
  }, PING_TIMEOUT_MS);
}

// The same liveness timer with its message written as a template literal: the "timed out" sits in the template's text.
const PONG_TIMEOUT_MS = 30e3; // expect: no-hardcoded-timeout
function resetPongTimeout(ref, connect) {
  clearTimeout(ref.current);
  ref.current = setTimeout(() => {
    console.warn(`Connection timed out after ${PONG_TIMEOUT_MS} ms, reconnecting`);
    connect();
  }, PONG_TIMEOUT_MS);
}

// webpack-hot-middleware: the same option bounds the quiet the stream tolerates (compared with the elapsed time)
// and delays the reconnect: the bound keeps it reported.
var hmrOptions = {
  path: "/__webpack_hmr",
  timeout: 20 * 1000, // expect: no-hardcoded-timeout
};
function EventSourceWrapper() {
  var source;
  var lastActivity = new Date();
  init();
  var timer = setInterval(function () {
    if (new Date() - lastActivity > hmrOptions.timeout) handleDisconnect();
  }, hmrOptions.timeout / 2);
  function init() {
    source = new window.EventSource(hmrOptions.path);
    source.onerror = handleDisconnect;
  }
  function handleDisconnect() {
    clearInterval(timer);
    source.close();
    setTimeout(init, hmrOptions.timeout);
  }
}
