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

export const client = { timeout: Math.pow(2, 10) * 60 }; // expect: no-hardcoded-timeout

export function backoff(attempt) {
  return { retryDelay: Math.pow(2, attempt) * 100, timeout: Math.pow(2, attempt) * 1000 };
}
