// JS `no-hardcoded-timeout`, session 65 (issue 9), from the session's blind sets: @segment/localstorage-retry
// (fresh423) makes a lolex clock in a `beforeEach`, `clock = lolex.createClock(0); Schedule.setClock(clock);`, so the
// code under test arms its timers on it; each test then moves it by hand (`clock.tick(timeout)`). A test's `var
// timeout = 500` is measured on that clock, not in real time. A test that never names the clock, and the tests of a
// suite whose hook makes a clock it hands nobody, keep real time.
var lolex = require("lolex");
var assert = require("proclaim");
var sinon = require("sinon");
var Schedule = require("../lib/schedule");

describe("Schedule", function () {
  var clock;
  var schedule;

  beforeEach(function () {
    clock = lolex.createClock(0);
    Schedule.setClock(clock);
    schedule = new Schedule();
  });

  it("should call task after timeout", function () {
    var timeout = 500;
    var spyFn = sinon.spy();
    schedule.run(spyFn, timeout);
    clock.tick(timeout);
    assert(spyFn.calledOnce);
  });

  it("should call task ASAP after timeout even after long duration", function () {
    var timeout = 500;
    var spyFn = sinon.spy();
    schedule.run(spyFn, timeout, Schedule.Modes.ASAP);
    clock.setSystemTime(timeout * 2);
    clock.tick(timeout);
    assert(spyFn.calledOnce);
  });

  it("waits for the real queue", function (done) {
    var timeout = 500; // expect: no-hardcoded-timeout
    schedule.flush(function () {
      done();
    }, timeout);
  });
});

describe("Schedule on its own clock", function () {
  var clock;
  var schedule;

  beforeEach(function () {
    clock = lolex.createClock(0);
    schedule = new Schedule();
  });

  it("runs the task on real time", function (done) {
    var timeout = 500; // expect: no-hardcoded-timeout
    schedule.run(done, timeout);
    clock.tick(timeout);
  });
});
