// Timers that end or fail the operation when they fire are deadlines, whatever their delay is called (issue 9,
// session 9 JS recall): they reject a promise that also settles another way, force-kill a process after a grace
// period, or tell someone the operation timed out. `expect:` marks each line that must be flagged.
const { spawn } = require("node:child_process");

// Gives up waiting for the element to stop moving: the executor resolves once it is stable.
function waitForStable(elem) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(false), 10000); // expect: no-hardcoded-timeout
    const check = () => (elem.moving ? requestAnimationFrame(check) : resolve(true));
    check();
  });
}

// A deferred raced against the operation, rejected when the delay (a parameter's default) runs out.
function deadline(p, millis = 1000) { // expect: no-hardcoded-timeout
  const err = new Error("deadline exceeded");
  const d = deferred();
  const timer = setTimeout(() => d.reject(err), millis);
  return Promise.race([p, d]).finally(() => clearTimeout(timer));
}

// A grace period before a forced kill: cancelled when the process exits first.
function stop(proc) {
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => proc.kill("SIGKILL"), 5000); // expect: no-hardcoded-timeout
    proc.once("exit", () => {
      clearTimeout(killTimer);
      resolve();
    });
    proc.kill();
  });
}

// An iframe that must load in time: the error handler is told it timed out.
function loadFrame(iframe, onerror) {
  let tref = setTimeout(function () { onerror("timeout"); }, 15000); // expect: no-hardcoded-timeout
  iframe.onload = () => clearTimeout(tref);
  return tref;
}

// A callback failed with an error that says it timed out.
function request(send, cb) {
  const timer = setTimeout(() => cb(new Error(`request timed out`)), 30000); // expect: no-hardcoded-timeout
  send((err, res) => {
    clearTimeout(timer);
    cb(err, res);
  });
}

// Not deadlines: a simulated failure after a delay (nothing else settles the promise), a timer that only logs a
// "timed out?" warning, a child killed on cue in a demo (no grace period, nothing clears it).
function failLater() {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("boom")), 10));
}
function warnSlow() {
  setTimeout(() => console.warn("still waiting: timed out?"), 5000);
}
function demo() {
  const child = spawn("sleep", ["10"]);
  setTimeout(() => child.kill(), 100);
  return child;
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return Object.assign(promise, { resolve, reject });
}

module.exports = { waitForStable, deadline, stop, loadFrame, request, failLater, warnSlow, demo };
