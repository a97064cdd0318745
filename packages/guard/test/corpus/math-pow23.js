// `Math.pow(2, 31) - 1` is `2 ** 31 - 1` written for ES5: the largest timer delay, the code's own "no limit" when
// the caller sets no timeout. `Math.pow` of constants folds as `**` does; of a variable (a backoff) it is no constant.
import Promise from "bluebird";

export function send(xhr, options) {
  return new Promise((resolve) => xhr.send(resolve)).timeout(options.timeout || Math.pow(2, 31) - 1, "ETIMEDOUT"); // expect: no-unbounded-timeout
}

export function Request(options) {
  this.timeout = options.timeout || Math.pow(2, 32) * 1000; // expect: no-unbounded-timeout
}
Request.prototype.start = function () {
  this.req.setTimeout(this.timeout);
};

// An upper clamp to the largest timer delay written inline (shiny-server's scheduler): the caller's value cut down to
// what setTimeout can hold, as `if (t > MAXDELAY) t = MAXDELAY` is, not a "no limit" chosen here (`Math.pow` and `**`
// alike). Assigned under a test of another value, raised to it, or cut down to less, it is no such clamp.
export function idleTimer(settings, worker) {
  let idleTimeout = 5 * 1000; // expect: no-hardcoded-timeout
  if (settings.idleTimeout) {
    idleTimeout = settings.idleTimeout * 1000;
    if (idleTimeout > Math.pow(2, 31) - 1) {
      idleTimeout = Math.pow(2, 31) - 1;
    }
    if (settings.forever > Math.pow(2, 31) - 1) {
      idleTimeout = Math.pow(2, 31) - 1; // expect: no-unbounded-timeout
    }
    if (2 ** 31 - 1 < idleTimeout) idleTimeout = 2 ** 31 - 1;
    if (idleTimeout < 2 ** 31 - 1) idleTimeout = 2 ** 31 - 1; // expect: no-unbounded-timeout
  }
  worker.timer = setTimeout(() => worker.kill(), idleTimeout);
}

export function cappedTimer(settings, worker) {
  let idleTimeout = settings.idleTimeout;
  if (idleTimeout > Math.pow(2, 4) * 1000) idleTimeout = Math.pow(2, 4) * 1000; // expect: no-hardcoded-timeout
  return setTimeout(() => worker.kill(), idleTimeout);
}

export const client = { timeout: Math.pow(2, 10) * 60 }; // expect: no-hardcoded-timeout

export function backoff(attempt) {
  return { retryDelay: Math.pow(2, attempt) * 100, timeout: Math.pow(2, attempt) * 1000 };
}
