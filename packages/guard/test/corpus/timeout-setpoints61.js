// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh366 (st-ethernet-ip): a controller's timeout
// setpoint (`timeout_sp`, `timeoutSP`) is the bound of every request it sends, like any timeout.
class Controller {
  constructor() {
    this.state = {
      rpi: 10,
      timeout_sp: 10000, // expect: no-hardcoded-timeout
    };
  }

  reset() {
    this.state.timeout_sp = 2000; // expect: no-hardcoded-timeout
  }
}

const connect = (ip, timeoutSP = 10000) => promiseTimeout(open(ip), timeoutSP); // expect: no-hardcoded-timeout

module.exports = { Controller, connect };
