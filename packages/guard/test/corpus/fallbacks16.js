// A timeout's default however the fallback is spelled (issue 9, session 16 JS recall): a conditional that tests
// whether the setting is set (truthiness, `in`, `hasOwnProperty`, `typeof ... === "undefined"`), a helper of the
// file whose body is such a fallback, a constant pad reported where its number is written, and a deadline timer
// whose callback rejects in a `.then` step of what it starts. `expect:` marks each line that must be flagged.

function defaultIfUndefined(value, defaultValue) {
  return typeof value === "undefined" ? defaultValue : value;
}
const orElse = (value, fallback) => value ?? fallback;

function configure(opts, program, config, flags) {
  opts.readiness.checkerTimeoutMs = defaultIfUndefined(opts.readiness.checkerTimeoutMs, 20000); // expect: no-hardcoded-timeout
  opts.requestTimeout = orElse(opts.requestTimeout, 5000); // expect: no-hardcoded-timeout
  // Not a timeout's: the same helper gives a port its default.
  opts.port = defaultIfUndefined(opts.port, 3001);
  const exchangeLifetime = program.timeout ? program.timeout : 30; // expect: no-hardcoded-timeout
  const shutdownTimeout = ("shutdownTimeout" in config ? config.shutdownTimeout : 5) * 1000; // expect: no-hardcoded-timeout
  const wait = (flags.timeout ? Number.parseInt(flags.timeout, 10) : 20 * 60) * 1000; // expect: no-hardcoded-timeout
  const idle = !config.idleTimeout ? 60000 : config.idleTimeout; // expect: no-hardcoded-timeout
  // Not fallbacks: the arm taken when set does not read the setting, a 0 switches off, a retry count is no timeout.
  const other = program.timeout ? defaults.other : 30;
  const off = program.timeout ? program.timeout : 0;
  const retries = config.retries ? config.retries : 3;
  return { exchangeLifetime, shutdownTimeout, wait, idle, other, off, retries };
}

// A pad kept in a constant is reported where its number is written, once however many timeouts it pads.
const CHANGES_TIMEOUT_BUFFER = 5000; // expect: no-hardcoded-timeout
function changesTimeout(opts) {
  let requestTimeout = opts.timeout;
  if (requestTimeout - opts.timeout < CHANGES_TIMEOUT_BUFFER) requestTimeout = opts.timeout + CHANGES_TIMEOUT_BUFFER;
  return requestTimeout;
}

// A worker's kill timer: when it fires it terminates the worker, then rejects the job with a timeout error.
function runInWorker(worker, timeoutMs) {
  return new Promise((resolve, reject) => {
    worker.on("message", (result) => resolve(result));
    setTimeout(() => {
      worker.terminate().then(() => {
        reject(new Error(`Job timed out after ${timeoutMs} ms`));
      });
    }, timeoutMs + 100); // expect: no-hardcoded-timeout
  });
}

// Not a deadline: the rejection is in the `.catch` of a retry the timer starts, not a step of its own.
function retryLater(attempt) {
  return new Promise((resolve, reject) => {
    attempt.on("done", resolve);
    setTimeout(() => {
      attempt.start().catch((error) => reject(error));
    }, 250);
  });
}

// Not a deadline: a measurement delay whose `.then` step resolves with the result (the other branch resolves too).
function currentLoad(getLoad, primed) {
  return new Promise((resolve) => {
    if (!primed) {
      getLoad().then(() => {
        setTimeout(() => {
          getLoad().then((result) => resolve(result));
        }, 500);
      });
    } else {
      getLoad().then((result) => resolve(result));
    }
  });
}

module.exports = { configure, changesTimeout, runInWorker, retryLater, currentLoad };
