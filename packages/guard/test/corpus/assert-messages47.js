// JS `no-hardcoded-timeout`, session 47 (issue 9): a test's timer whose callback checks state a little later
// (smart-timeout's own test: `assert(Timeout.executed("my_elapsed"), "elapsed timeout executed")` 15 ms after a 10 ms
// timer) is choreography: the assertion's message describes the check, it reports no timeout. A timer whose check
// always fails (`assert(false, "timed out")`) is the test's watchdog, a deadline.
import assert from "node:assert";
import Timeout from "smart-timeout";

export function testElapsed() {
  Timeout.set("my_elapsed", () => {}, 10);
  setTimeout(() => {
    assert(Timeout.executed("my_elapsed") === true, "elapsed timeout executed");
    assert.ok(Timeout.elapsed("my_elapsed") >= 15, "elapsed time counts since the timeout's creation");
  }, 15);
}

export function testWatchdog(done, emitter) {
  const watchdog = setTimeout(() => assert(false, "timed out waiting for ready"), 2000); // expect: no-hardcoded-timeout
  emitter.once("ready", () => {
    clearTimeout(watchdog);
    done();
  });
}
