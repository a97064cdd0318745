// Test frameworks' own timeout APIs (issue 9, fresh8's tape and jasmine misses): known by what the callee is, the
// context a framework hands a test's callback or a function imported from the framework, not by the argument's
// name. A spec's own test timeout waits. `expect:` marks each line that must be flagged.
const tape = require("tape");
const tap = require("tap");
const { setDefaultTimeout } = require("@cucumber/cucumber");

// tape: `timeoutAfter` on the test's context, whatever the parameter is called, and on a subtest's.
tape("reads the stream", (assert) => {
  assert.timeoutAfter(2000); // expect: no-hardcoded-timeout
  assert.test("subtest", (st) => {
    st.timeoutAfter(1); // expect: no-hardcoded-timeout
    st.end();
  });
  assert.end();
});

// A harness made from tape (tape's own tests): its `test` registers tests the same way.
const test = tape.createHarness();
test("timeoutAfter", function (t) {
  t.plan(1);
  t.timeoutAfter(1); // expect: no-hardcoded-timeout
});

// tap's `t.setTimeout(ms)`.
tap.test("connects", (tt) => {
  tt.setTimeout(3000); // expect: no-hardcoded-timeout
  tt.end();
});

// Cucumber's step timeout, imported by name.
setDefaultTimeout(60 * 1000); // expect: no-hardcoded-timeout

// A method of the same name on an object no test framework handed out is someone else's.
const scheduler = { timeoutAfter(ms) { return ms; } };
scheduler.timeoutAfter(2500);
[1, 2].forEach((job) => job.timeoutAfter && job.timeoutAfter(250));

// jasmine's default spec timeout: "timeout interval" is the timeout's length.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 20000; // expect: no-hardcoded-timeout
exports.config = { jasmineNodeOpts: { defaultTimeoutInterval: 360000 } }; // expect: no-hardcoded-timeout
// A poll interval for checking timeouts is no timeout.
const TIMEOUT_CHECK_INTERVAL = 1000;
setInterval(() => scheduler.timeoutAfter(0), TIMEOUT_CHECK_INTERVAL);
