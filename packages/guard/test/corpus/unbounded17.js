// JS `no-unbounded-timeout`, session 17 (issue 9).
// 1. A wait's own "no limit" default is its caller's choice also when the function hands the promise back with its
//    cancel handle (@smithy/fetch-http-handler's `requestTimeout(timeoutInMs = 0)` returns `{ promise, cancel }`, and
//    the handler races the promise against the fetch). A function that arms a timer and returns its handle keeps
//    reporting: it bounds a wait made elsewhere, its 0 is a setting.
// 2. ... also when it hands the value to a same-file sleep helper that gives it to a timer as its delay (mineflayer's
//    `onceWithCleanup(emitter, event, { timeout = 0 })`, racing `sleep(timeout).then(() => task.cancel(...))`).
// 3. A defaults table spread into the options of a known API (`defineConfig({ ...defaultConfig, ...config })`,
//    appwright's Playwright config, reached as `(0, test_1.defineConfig)` in TypeScript's CommonJS output) goes to
//    that API whole, as a table passed by name does (Playwright's documented test timeout, where zero switches the
//    limit off). A table nothing hands on stays the code's own business.
// 4. A force-close armed while ending a socket (SAP's AMQP/MQTT clients; test/corpus/packages/closing-socket has the
//    shape across files): the operation is over, a 0 there switches the forced close off and leaves no wait without
//    its bound. The same socket's connect timer, armed where the socket is not ended, still shows its 0 reaching one.
const test_1 = require("@playwright/test");

function requestTimeout(timeoutInMs = 0) {
  let timeoutId;
  const promise = new Promise((resolve, reject) => {
    if (timeoutInMs) {
      timeoutId = setTimeout(() => {
        const timeoutError = new Error(`Request did not complete within ${timeoutInMs} ms`);
        timeoutError.name = "TimeoutError";
        reject(timeoutError);
      }, timeoutInMs);
    }
  });
  return { promise, cancel: () => clearTimeout(timeoutId) };
}

function armRequestTimeout(req, reject, timeoutInMs = 0) { // expect: no-unbounded-timeout
  if (!timeoutInMs) return -1;
  return setTimeout(() => {
    req.destroy();
    reject(new Error(`Request did not complete within ${timeoutInMs} ms`));
  }, timeoutInMs);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function onceWithCleanup(emitter, event, { timeout = 0 } = {}) {
  const task = createTask();
  emitter.once(event, (...data) => task.finish(data));
  if (typeof timeout === "number" && timeout > 0) {
    const timeoutError = new Error(`Event ${event} did not fire within timeout of ${timeout}ms`);
    sleep(timeout).then(() => {
      if (!task.done) task.cancel(timeoutError);
    });
  }
  return task.promise;
}

function createTask() {
  const task = { done: false };
  task.promise = new Promise((resolve, reject) => {
    task.finish = (result) => resolve(result);
    task.cancel = (err) => reject(err);
  });
  return task;
}

const defaultConfig = {
  testDir: "./tests",
  workers: 2,
  timeout: 0, // expect: no-unbounded-timeout
};

const unusedConfig = {
  testDir: "./tests",
  timeout: 0,
};

function defineConfig(config) {
  return (0, test_1.defineConfig)({
    ...defaultConfig,
    ...config,
  });
}

const TRANSPORT_DEFAULTS = {
  endCloseTimeout: 0,
  connectTimeout: 0, // expect: no-unbounded-timeout
};

class Transport {
  constructor(socket, options) {
    this._socket = socket;
    this.options = { ...TRANSPORT_DEFAULTS, ...options };
  }

  connect(port, host) {
    if (this.options.connectTimeout > 0)
      this._socket.setTimeout(this.options.connectTimeout, () => this._socket.destroy(new Error("connect timed out")));
    this._socket.connect(port, host);
  }

  end() {
    if (this.options.endCloseTimeout > 0) this._socket.setTimeout(this.options.endCloseTimeout, () => this.close());
    this._socket.end();
  }

  close() {
    this._socket.destroy();
  }
}

module.exports = { Transport, requestTimeout, onceWithCleanup, armRequestTimeout, defineConfig, unusedConfig };
