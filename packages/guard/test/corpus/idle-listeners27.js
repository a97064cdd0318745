// JS `no-hardcoded-timeout` / `no-unbounded-timeout`, session 27 (issue 9): delays that bound no wait.
// 1. An emulated timer API (@applitools/jsdom's `window.setTimeout(handler, timeout = 0)`): the file converts the
//    value in place, hands it to its own function that clamps negatives to 0 and arms the timer with it: a 0 runs
//    the handler at the next tick, no "no limit". The same API whose arming function skips the timer for a 0 stays
//    reported.
// 2. A socket's idle timer whose listener does nothing (mobile-devices-controller's telnet `conn.setTimeout(60000,
//    () => {})`): nothing ends the connection when it fires. A listener that destroys the socket stays reported.
const net = require("net");

function EmulatedWindow(conversions) {
  const active = new Map();
  let latest = 0;
  this.setTimeout = function (handler, timeout = 0, ...args) {
    timeout = conversions.long(timeout);
    return arm(handler, timeout, args, false);
  };
  this.setInterval = function (handler, timeout = 0, ...args) {
    timeout = conversions.long(timeout);
    return arm(handler, timeout, args, true);
  };
  function arm(handler, timeout, args, repeat, previous) {
    const handle = previous !== undefined ? previous : ++latest;
    function task() {
      handler(...args);
      if (repeat) arm(handler, timeout, args, true, handle);
      else active.delete(handle);
    }
    if (timeout < 0) {
      timeout = 0;
    }
    active.set(handle, setTimeout(task, timeout));
    return handle;
  }
}

function Scheduler() {
  this.schedule = function (job, timeout = 0) { // expect: no-unbounded-timeout
    return later(job, timeout);
  };
  function later(job, timeout) {
    if (!timeout) return undefined;
    return setTimeout(job, timeout);
  }
}

function telnet(port, command) {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(port, "localhost");
    conn.setTimeout(60000, () => {});
    conn.on("data", (data) => resolve(data.toString()));
    conn.on("error", reject);
    conn.write(command);
  });
}

function probe(port) {
  return new Promise((resolve) => {
    const socket = net.createConnection(port, "localhost");
    socket.setTimeout(5000, () => socket.destroy()); // expect: no-hardcoded-timeout
    socket.on("connect", () => resolve(true));
    socket.on("close", () => resolve(false));
  });
}

module.exports = { EmulatedWindow, Scheduler, telnet, probe };
