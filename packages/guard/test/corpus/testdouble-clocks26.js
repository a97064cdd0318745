// Issue 9, fresh49's false findings in @mysql/xdevapi's unit tests (testdouble): a connect timeout on a socket whose
// `setTimeout` is `td.function()`, a queue timeout on a pool whose clock reading `td.when(system.time())` stubs, and a
// timeout value handed to a validator expected to throw about a bad timeout. Nothing waits on them. The same values
// against real sockets, real clocks and a timeout that fires stay reported. `expect:` marks findings.
"use strict";

const PassThrough = require("stream").PassThrough;
const expect = require("chai").expect;
const td = require("testdouble");
const errors = require("../lib/errors");

let connection = require("../lib/Connection");
let connectionPool = require("../lib/ConnectionPool");

describe("connect()", () => {
  let socket, net;

  beforeEach("create fakes", () => {
    socket = new PassThrough();
    // The socket's timer is a testdouble: the connect timeout arms nothing.
    socket.setTimeout = td.function();
    net = td.replace("net");
    connection = require("../lib/Connection");
  });

  it("manages a custom connection timeout until the socket is open", () => {
    const con = connection({ connectTimeout: 500 });
    td.when(net.connect(), { ignoreExtraArgs: true }).thenReturn(socket);
    return con.connect().then(() => expect(td.explain(socket.setTimeout).callCount).to.equal(2));
  });

  it("fails with a custom error when the connection timeout is exceeded", () => {
    const connectTimeout = 500;
    const con = connection({ connectTimeout });
    td.when(net.connect(), { ignoreExtraArgs: true }).thenDo(() => {
      setTimeout(() => socket.emit("timeout"));
      return socket;
    });
    return con.connect().catch((err) => expect(err.message).to.contain(String(connectTimeout)));
  });
});

describe("connect() on a real socket", () => {
  it("bounds the connection attempt", () => {
    const con = connection({ connectTimeout: 500 }); // expect: no-hardcoded-timeout
    return con.connect();
  });
});

describe("when the pool is full", () => {
  let system;

  beforeEach("setup fake time", () => {
    system = td.replace("../lib/system");
    connectionPool = require("../lib/ConnectionPool");
  });

  it("fails when queueTimeout is exceeded", () => {
    const queueTimeout = 5000;
    const pool = connectionPool({ pooling: { maxSize: 3, queueTimeout } }).create({ active: ["foo", "bar", "baz"] });
    const now = Date.now();
    // The clock is read through a testdouble: the test moves time by hand.
    td.when(system.time()).thenReturn(now + queueTimeout + 1);
    td.when(system.time(), { times: 1 }).thenReturn(now);
    return pool.getConnection().catch((err) => expect(err.message).to.contain("queue timeout"));
  });

  it("waits for a free connection on the real clock", () => {
    const queueTimeout = 2000; // expect: no-hardcoded-timeout
    const pool = connectionPool({ pooling: { maxSize: 1, queueTimeout } }).create({ active: ["foo"] });
    td.when(system.hostname()).thenReturn("localhost");
    return pool.getConnection();
  });
});

describe("validate()", () => {
  it("fails if the connection timeout is badly specified", () => {
    expect(() => connection.validate({ connectTimeout: false })).to.throw(
      errors.MESSAGES.ER_DEVAPI_BAD_CONNECTION_TIMEOUT,
    );
  });

  it("fails when the connection times out", () => {
    // The error expected is the timeout itself: the call waited for it.
    expect(() => connection.connectSync({ connectTimeout: 100 })).to.throw( // expect: no-hardcoded-timeout
      errors.MESSAGES.ER_DEVAPI_CONNECTION_TIMEOUT,
    );
  });
});
