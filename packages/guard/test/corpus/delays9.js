// Timers that only start, send or go on are delays, not deadlines (issue 9, fresh9's JS families: worker-farm,
// ldapjs and fastify tests, codeceptjs' cleanup). What a timer does is what its callback does when it fires, not
// what the listeners it registers do later. `expect:` marks findings.
const tape = require("tape");
const workerFarm = require("worker-farm");

// A test that waits before starting its calls; the `t.fail` belongs to a later callback.
tape("many concurrent calls", function (t) {
  const child = workerFarm({ maxConcurrentWorkers: 1 }, "./child");
  setTimeout(function () {
    child(0, function (err) {
      if (err) t.fail("too many callbacks!");
    });
  }, 250);
});

// A listener bound after a pause; the request fails the test on its own, later.
tape("search", function (t) {
  setTimeout(() => {
    t.client.search("o=example", function (err, res) {
      res.on("error", function (e) {
        t.fail(e);
      });
    });
  }, 100);
});

// A bound function that requeues the calls of a dead child after a pause: the error built in the nested callback
// is no deadline's.
function Farm() {}
Farm.prototype.onExit = function (childId) {
  setTimeout(
    function () {
      this.children[childId].calls.forEach(function (call) {
        this.receive({ args: [new ProcessTerminatedError("cancel after " + call.retries + " retries")] });
      }, this);
      this.stopChild(childId);
    }.bind(this),
    10,
  );
};

// A race against a promise that is already settled: nothing waits on the timer.
async function cleanup(browser) {
  await Promise.race([Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  await browser.close();
}

// Still deadlines: a callback that rejects when it fires, a bound one that fails the test, a real race.
function request(small) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      small.destroy();
      reject(new Error("timed out waiting for /small response"));
    }, 3000); // expect: no-hardcoded-timeout
    small.on("end", resolve);
  });
}
tape("watchdog", function (t) {
  setTimeout(
    function () {
      t.fail("late");
    }.bind(this),
    500, // expect: no-hardcoded-timeout
  );
});
async function bounded(op) {
  return Promise.race([op, new Promise((resolve) => setTimeout(resolve, 2000))]); // expect: no-hardcoded-timeout
}

module.exports = { Farm, cleanup, request, bounded };
