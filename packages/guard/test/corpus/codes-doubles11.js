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

module.exports = { StatusCodes, defaults, Names };
