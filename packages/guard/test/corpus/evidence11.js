// JS `no-unbounded-timeout` evidence that is one value's flow, not a shared word (session 11, issue 9). A name tested
// for being set in one function and armed in another is evidence only on the same member path; a plural "timeouts"
// (a Map of timer handles, a setter of several) is no timeout built from its argument.

// net-snmp: a session's `options.timeout ? ... : ...` in its constructor and a request's `setTimeout(..., req.timeout)`
// in another function; an AgentX PDU field's 0 ("the master's default") is sent, nothing here waits on it.
export function Session(options) {
  this.timeout = options.timeout ? options.timeout : 5000; // expect: no-hardcoded-timeout
}
Session.prototype.send = function (req) {
  req.timer = setTimeout(function () {
    req.responseCb(new Error("Request timed out"));
  }, req.timeout);
};
export function createPdu(vars) {
  const pdu = {};
  pdu.timeout = vars.timeout || 0;
  return pdu;
}

// stream-chat: a debounce's `timeout = 0` is a delay (0: the next tick); the name reaches no wait through a method
// that shares the global's name and reads a Map of handles (`this.timeouts.get(id)`).
export const debounce = (fn, timeout = 0) => {
  let running = null;
  return (...args) => {
    if (running) clearTimeout(running);
    const delay = typeof timeout === "function" ? timeout(...args) : timeout;
    running = setTimeout(() => fn(...args), delay);
  };
};
export class Notifications {
  constructor() {
    this.timeouts = new Map();
  }
  clearTimeout(id) {
    const timeout = this.timeouts.get(id);
    if (!timeout) return;
    clearTimeout(timeout);
    this.timeouts.delete(id);
  }
}

// devtools: WebDriver's implicit wait 0 ("look once") handed to a setter of several timeouts that only stores them.
export const DEFAULT_IMPLICIT_TIMEOUT = 0;
export class Driver {
  constructor() {
    this.timeouts = new Map();
    this.setTimeouts(DEFAULT_IMPLICIT_TIMEOUT);
  }
  setTimeouts(implicit) {
    if (typeof implicit === "number") this.timeouts.set("implicit", implicit);
  }
}
