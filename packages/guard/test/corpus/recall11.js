// JS recall, session 11 (issue 9): watchdogs, clock deadlines, liveness checks, unit constants read off a module,
// tape contexts handed on by a helper, lookups under a timeout's key. `expect:` marks each line that must be flagged;
// every other line must come out clean.
const module_setup_1 = require("./helpers/module-setup");
const units = require("./units");

// A watchdog on the whole process: it exits if the work after it has not ended the process first (update-notifier's
// offline check), or it is unref'd so it only fires while something else still runs.
export async function checkForUpdate(notifier) {
  setTimeout(process.exit, 1000 * 30); // expect: no-hardcoded-timeout
  const update = await notifier.fetchInfo();
  notifier.config.set("update", update);
  process.exit();
}
function shutdown(server) {
  setTimeout(() => {
    console.error("forced exit");
    process.exit(1);
  }, 10_000).unref(); // expect: no-hardcoded-timeout
  server.close();
}
// A pause before exiting (the last thing a handler does) and an exit after a failure is reported guard nothing.
function bye() {
  console.log("bye");
  setTimeout(() => process.exit(0), 500);
}
function onWorker(worker) {
  worker.on("failure", () => {
    setTimeout(process.exit, 2000);
  });
}

// A timeout-named point in time: the clock plus a literal is a deadline however it is called (sync-rpc's ping loop).
function waitForAlive(port, ping) {
  let response = null;
  let timeout = Date.now() + 10000; // expect: no-hardcoded-timeout
  while (response !== "pong" && Date.now() < timeout) response = ping(port);
  return response;
}
// Not a timeout-named stamp: when something was last seen, or a cache entry's expiry.
function touch(entry) {
  entry.lastSeen = Date.now() + 0;
  entry.expiresAt = Date.now() + 60000;
}

// A liveness check: the timer compares how long the connection has been silent with its own delay, then reconnects
// (stream-chat). The reconnect does not make the delay a renewal schedule.
class StableConnection {
  constructor() {
    this.pingInterval = 25 * 1000;
    this.connectionCheckTimeout = this.pingInterval + 10 * 1000; // expect: no-hardcoded-timeout
    this.refreshTimeout = 30 * 1000;
  }
  scheduleConnectionCheck() {
    this.connectionCheckTimeoutRef = setTimeout(() => {
      const now = new Date();
      if (this.lastEvent && now.getTime() - this.lastEvent.getTime() > this.connectionCheckTimeout) {
        this._reconnect();
      }
    }, this.connectionCheckTimeout);
  }
  // A renewal with no elapsed-time check stays a schedule.
  scheduleRefresh() {
    this.refreshTimer = setTimeout(() => this.refreshToken(), this.refreshTimeout);
  }
}

// A timeout's variant named after it (`defaultWSTimeoutWithFallback`) is a timeout.
class ClientOptions {
  constructor() {
    this.defaultWSTimeoutWithFallback = 6 * 1000; // expect: no-hardcoded-timeout
    this.defaultWSTimeout = 15 * 1000; // expect: no-hardcoded-timeout
  }
}

// A count of units read off an imported module (compiled TypeScript reads every import as `module_1.NAME`).
describe("rebuild", function () {
  this.timeout(5 * module_setup_1.MINUTES_IN_MILLISECONDS); // expect: no-hardcoded-timeout
  it("rebuilds in debug mode", async function () {
    this.timeout(2 * units.MINUTE); // expect: no-hardcoded-timeout
    this.timeout(module_setup_1.TIMEOUT_IN_MILLISECONDS);
  });
});

// tape's `timeoutAfter` on a context a test helper hands on as a later parameter.
allocCluster.test("drains the peer", { numPeers: 2 }, function t(cluster, assert) {
  function runTest() {
    assert.timeoutAfter(50); // expect: no-hardcoded-timeout
    assert.end();
  }
  runTest();
});
// `timeoutAfter` on something that is no parameter (a module object) is left alone.
scheduler.timeoutAfter(50);

// A lookup under a timeout's key with a fallback (cloudinary's `ensureOption`): the fallback is the default timeout.
function execute(request, options) {
  request.setTimeout(ensureOption(options, "timeout", 60000)); // expect: no-hardcoded-timeout
  // A string that is no key (an error's message between a code and a status) is no lookup.
  request.setTimeout(createError("FST_REPLY_FROM_TIMEOUT", "Timeout", 504));
}

// A timeout padded, then converted to another unit: the pad is a literal part of the wait.
function padded(self) {
  self.requestTimeout = (self.sendTimeout + 1) * 1000; // expect: no-hardcoded-timeout
}
