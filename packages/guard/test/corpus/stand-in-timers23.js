// JS `no-hardcoded-timeout`, session 23 (issue 9): timers that are no deadline by what their callback is. A timer
// standing in for `requestIdleCallback` (the same work handed to it beside the timer, or the timer inside the
// scheduler's `||` fallback) runs deferred work; a retry whose reject runs only when the attempt count it hands on
// is spent pauses between attempts; a callback that only revokes an object URL or purges stale entries releases
// what is left. Kept: a kept timer racing a listener (the race is judged first, so also in the scheduler's fallback:
// `whenIdle`, `idle`), a give-up that says it timed out, a reject not guarded by the count, a callback that closes
// something. The scheduler's fallback alone: scheduler-fallbacks23b.js.
function whenIdle(work, media) {
  let cancel;
  if ("requestIdleCallback" in window) {
    const handle = requestIdleCallback(work);
    cancel = () => cancelIdleCallback(handle);
  } else {
    const handle = setTimeout(work, 200); // expect: no-hardcoded-timeout
    cancel = () => clearTimeout(handle);
  }
  media.addEventListener("change", work);
  return cancel;
}

function whenLoaded(work, media) {
  const handle = setTimeout(work, 200); // expect: no-hardcoded-timeout
  media.addEventListener("change", work);
  return () => clearTimeout(handle);
}

const idle = window.requestIdleCallback || function (cb) { const h = setTimeout(cb, 1); media.addEventListener("change", cb); return h; }; // expect: no-hardcoded-timeout

const retry = (promise, args, maxRetries = 3, interval = 500) =>
  new Promise((resolve, reject) => {
    return promise(args)
      .then(resolve)
      .catch(() => {
        setTimeout(() => {
          console.log("Retrying failed promise...", maxRetries);
          if (0 === maxRetries) {
            return reject("Maximum retries exceeded");
          }
          retry(promise, args, maxRetries - 1, interval).then(resolve, reject);
        }, interval);
      });
  });

const attempt = (fn, left = 3, pause = 500) => // expect: no-hardcoded-timeout
  new Promise((resolve, reject) => {
    fn().then(resolve).catch(() => {
      setTimeout(() => {
        if (0 === left) return reject(new Error("timed out waiting for the service"));
        attempt(fn, left - 1, pause).then(resolve, reject);
      }, pause);
    });
  });

const ask = (fn, left = 3, pause = 500) => // expect: no-hardcoded-timeout
  new Promise((resolve, reject) => {
    fn().then(resolve);
    setTimeout(() => {
      reject(new Error("no answer"));
      ask(fn, left - 1, pause).then(resolve, reject);
    }, pause);
  });

const revokeTimeout = 1000 * 40;
function revoke(file) {
  const revoker = function () {
    if (typeof file === "string") getURL().revokeObjectURL(file);
    else file.remove();
  };
  setTimeout(revoker, revokeTimeout);
}

const PURGE_TIMEOUT = 10000;
const CLOSE_TIMEOUT = 10000; // expect: no-hardcoded-timeout
class Provider {
  constructor() {
    this.db = new Db();
    setTimeout(() => this.db?.purgeStaleEntries(), PURGE_TIMEOUT);
    setTimeout(() => this.db?.close(), CLOSE_TIMEOUT);
  }
}
module.exports = { Provider, revoke, retry, attempt, ask, whenIdle, whenLoaded, idle };

// Both armed at once: the timer bounds the wait for two frames (a race, not a fallback), so `timeoutMs` stays a
// timeout in the file and the DOM-quiet wait's fallback is reported.
class Page {
  async waitForDomQuiet(opts) {
    const timeoutMs = opts?.timeoutMs ?? 500; // expect: no-hardcoded-timeout
    await this.evaluate((total) => new Promise((resolve) => setTimeout(resolve, total)), timeoutMs);
  }

  async flushFrames(ms) {
    await this.evaluate(
      (timeoutMs) =>
        new Promise((resolve) => {
          const finish = () => resolve();
          setTimeout(finish, timeoutMs);
          requestAnimationFrame(() => requestAnimationFrame(finish));
        }),
      ms,
    );
  }
}
module.exports.Page = Page;
