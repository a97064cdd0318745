// JS `no-unbounded-timeout`, session 22 (issue 9): a promise-bounding helper armed only when the value is set
// (`if (timeout > 0) return util.promiseTimeout(promise, timeout)`) is a timer armed only when set: the object's own
// default `timeout: 0` leaves every backend call waiting unbounded (the `cached` package's Cache). The same helper
// armed unconditionally says nothing about what its 0 means, so that default stays unreported.
const util = require("./util");

class Cache {
  constructor() {
    this.defaults = {
      freshFor: 0,
      timeout: 0, // expect: no-unbounded-timeout
    };
  }

  applyTimeout(promise) {
    const timeout = this.defaults.timeout;
    if (timeout > 0) {
      return util.promiseTimeout(promise, timeout);
    }
    return promise;
  }
}

class Store {
  constructor() {
    this.settings = { readTimeout: 0 };
  }

  read(promise) {
    return util.promiseTimeout(promise, this.settings.readTimeout);
  }
}

module.exports = { Cache, Store };
