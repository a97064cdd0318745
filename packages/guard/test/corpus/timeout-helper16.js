// A test suite's own helper named `timeout` that arms the deadline itself (issue 9, session 16 JS recall): its body
// decides where the duration is (first here), not p-timeout's `timeout(promise, ms)` shape. `expect:` marks each
// line that must be flagged.
const { suite } = require("uvu");

const timeout = (timeoutMs, fn) => {
  return () => {
    let to;
    return new Promise((resolve, reject) => {
      fn(resolve, reject);
      to = setTimeout(() => {
        reject(new Error("Timeout"));
      }, timeoutMs);
    }).finally(() => clearTimeout(to));
  };
};

const listen = suite("listen");
listen("on tcp should not throw", timeout(2000, (resolve) => resolve())); // expect: no-hardcoded-timeout
listen.run();

// A server's own helper named like p-timeout's: its body rejects the close with a timeout message after the delay.
class Server {
  _closeWithTimeout(timeoutValue) {
    const closing = (this._closing = new Deferred());
    setTimeout(() => {
      this._closing.reject(new Error(`close callback was not invoked within the ${timeoutValue} ms timeout`));
    }, timeoutValue);
    this._wss.close(() => closing.resolve());
    return closing.promise;
  }

  async close() {
    await this._closeWithTimeout(10000); // expect: no-hardcoded-timeout
  }
}

module.exports = { Server };
