// Tests on a clock double the test makes and moves by hand, and tests switched off by a literal condition
// (issue 9, fresh11's tchannel and scout12jsp's ringpop): durations there bound no real wait. Tests of the same
// file that never name the clock keep real time. `expect:` marks findings.
"use strict";

var test = require("tape");
var TimeMock = require("time-mock");
var allocCluster = require("./lib/alloc-cluster.js");
var makeTimersMock = require("./lib/timers-mock");
var FakeTimers = require("@sinonjs/fake-timers");

var timers = TimeMock(Date.now());

// The clock is handed to the channels in the test's options and advanced by hand.
allocCluster.test("requests will timeout", { timers: timers }, function t(cluster, assert) {
  cluster.client.request({ serviceName: "server", timeout: 1000 }).send("echo", "a", "b", function onResponse(err) {
    assert.equal(err.type, "tchannel.timeout");
    assert.end();
  });
  timers.advance(1500);
});

// The same file's tests that never name the clock run in real time.
allocCluster.test("requests will timeout even for slow conn", { numPeers: 2 }, function t(cluster, assert) {
  cluster.client.request({ serviceName: "server", timeout: 450 }).send("echo", "a", "b", function onResponse(err) { // expect: no-hardcoded-timeout
    assert.equal(err.type, "tchannel.timeout");
    assert.end();
  });
});

// A property of another object named like the clock is no use of it.
allocCluster.test("state transitions keep their timers", { numPeers: 1 }, function t(cluster, assert) {
  assert.ok(cluster.stateTransitions.timers);
  cluster.client.request({ serviceName: "server", timeout: 300 }).send("echo", "a", "b", assert.end); // expect: no-hardcoded-timeout
});

// A clock made inside the test covers the test.
test("cancels wedged requests", function t(assert) {
  var timeout = 15000;
  var clock = makeTimersMock();
  var client = new Client({ wedgedRequestTimeout: timeout }, clock);
  client.ping();
  clock.advance(timeout * 2);
  assert.equal(client.scanForWedgedRequests().length, 1);
  assert.end();
});

// A clock made and ticked by itself moves no timer of the code (@fastify/reply-from's tests): real time.
test("http request timeout", function t(assert) {
  var clock = FakeTimers.createClock();
  setTimeout(assert.end, 200);
  clock.tick(200);
  request({ timeout: 100 }, assert.end); // expect: no-hardcoded-timeout
});

// A test runner's own timeout still runs on a test with a clock double.
test("emits stats", function t(assert) {
  var cluster = allocCluster({ channelOptions: { timers: timers } });
  assert.timeoutAfter(2000); // expect: no-hardcoded-timeout
  cluster.client.request({ timeout: 1000 }).send("echo", "a", "b", assert.end);
  timers.advance(500);
});

// Switched off: `false && test(...)` and `if (false)` never run, test timeouts included.
false &&
  allocCluster.test("drain server with a few incoming", { numPeers: 2 }, function t(cluster, assert) {
    assert.timeoutAfter(50);
    cluster.client.request({ serviceName: "server", timeout: 100 }).send("echo", "a", "b", assert.end);
    setupDrainClient(cluster.client).request().send("echo", "a", "b", assert.end);
    setupServiceClient(cluster.client).request().send("echo", "a", "b", assert.end);
  });

// A helper only switched-off tests call never runs either; one a live test calls does.
function setupDrainClient(rootchan) {
  return rootchan.makeSubChannel({ serviceName: "drain", requestDefaults: { timeout: 100 } });
}
function setupServiceClient(rootchan) {
  return rootchan.makeSubChannel({ serviceName: "service", requestDefaults: { timeout: 100 } }); // expect: no-hardcoded-timeout
}
allocCluster.test("live drain", { numPeers: 2 }, function t(cluster, assert) {
  setupServiceClient(cluster.client).request().send("echo", "a", "b", assert.end);
});

if (false) {
  test("a disabled test", function t(assert) {
    assert.timeoutAfter(500);
    assert.end();
  });
}

// A skipped test is meant to run again: its timeouts are real.
test.skip("a skipped test", function t(assert) {
  assert.timeoutAfter(500); // expect: no-hardcoded-timeout
  assert.end();
});

// `makeMockTimeout()` makes a timeout for a mock, not a clock double: the test keeps real time.
var timeoutHandle = makeMockTimeout();
test("uses the mock timeout", function t(assert) {
  assert.timeoutAfter(250); // expect: no-hardcoded-timeout
  request({ timeout: 2500, handle: timeoutHandle }, assert.end); // expect: no-hardcoded-timeout
});

function Client(config, timers) {
  this.config = config;
  this.timers = timers;
}
function makeMockTimeout() {
  return {};
}
function request(options, callback) {
  setImmediate(callback, options);
}
