// Issue 9, fresh15's false hardcoded findings: an HTTP status table with a code spelled as its own name
// (@azure/cosmos), a test's timer that makes a double act (dnssd's stubbed query emitting 'timeout'), and a
// `sinon.test` sandbox whose durations run on its fake clock (`this.clock`). `expect:` marks findings.
const sinon = require("sinon");
const net = require("node:net");
const Fake = require("./Fake");
const { Query, resolve } = require("./lib");

const StatusCodes = {
  Ok: 200,
  Created: 201,
  BadRequest: 400,
  NotFound: 404,
  RequestTimeout: 408,
  Conflict: 409,
  ServiceUnavailable: 503,
  ENOTFOUND: "ENOTFOUND",
  OperationPaused: 1200,
};

// A string that is not the entry's own name makes this a settings object: its timeout is one.
const defaults = {
  host: "localhost",
  port: 5432,
  max: 10,
  idle: 3,
  connectTimeout: 408, // expect: no-hardcoded-timeout
};

// Mostly self-named strings: a list of names, not a code table.
const Names = {
  alpha: "alpha",
  beta: "beta",
  gamma: "gamma",
  delta: "delta",
  readTimeout: 408, // expect: no-hardcoded-timeout
  port: 5432,
  max: 10,
};

describe("resolve", function () {
  const query = new Fake.Query();

  it("rejects on timeout", function (done) {
    resolve("record.name", "A").catch(() => done());
    setTimeout(() => query.emit("timeout"), 10);
  });

  it("gives up on a real server", function (done) {
    const server = net.createServer();
    resolve("record.name", "A").catch(() => done());
    setTimeout(() => server.emit("timeout"), 10); // expect: no-hardcoded-timeout
  });
});

describe("Query", function () {
  it(
    "stops a query nobody answers",
    sinon.test(function () {
      const q = new Query();
      q.setTimeout(2000);
      q.start();
      this.clock.tick(3000);
    }),
  );

  it(
    "stops a query in real time",
    sinon.test(function () {
      const q = new Query();
      q.setTimeout(2000); // expect: no-hardcoded-timeout
      q.start();
    }),
  );
});

// A reconnect after a timeout whose callback logs through the file's own `outputLog` (nodes7): the log line names
// the timeout, the timer only retries. A callback that tells its caller the request timed out is a deadline.
function outputLog(text) {
  process.stdout.write(`${text}\n`);
}

function Plc() {}
Plc.prototype.packetTimeout = function (packetType) {
  const self = this;
  if (packetType === "connect") {
    self.connectionReset();
    clearTimeout(self.reconnectTimer);
    self.reconnectTimer = setTimeout(
      function () {
        outputLog("The scheduled reconnect from packetTimeout is happening now");
        self.connectNow.apply(self, arguments);
      },
      2000,
      self.connectionParams,
    );
  }
};

function onRequest(self, callback) {
  self.timer = setTimeout(function () {
    callback("request timed out");
  }, 2000); // expect: no-hardcoded-timeout
}

module.exports = { StatusCodes, defaults, Names, Plc, onRequest };
