// Helpers another file of the package calls with a promise a call makes (session 22): one races it against a timer
// that rejects with a timeout, the other only waits a while after it (its timer resolves).
exports.withStartDeadline = function (promise, timeoutMs) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`start timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
};

exports.settleAfter = function (promise, ms) {
  return promise.then((value) => new Promise((resolve) => setTimeout(() => resolve(value), ms)));
};
