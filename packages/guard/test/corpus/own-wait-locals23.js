// JS `no-unbounded-timeout`, session 23 (issue 9): a wait's own "no limit" default written into a local
// (`const timeout = (_timeout == null) ? 0 : _timeout`: an ethers-style `wait(confirms, timeout)`) is its caller's
// choice like a parameter default; a timer helper's delay that defaults to 0 and is armed whatever its value runs
// the callback at the next tick, it waits for nothing. A helper that arms its timer only when the value is set, or
// hands it to a call whose 0 is "no limit", keeps reporting.
class Transaction {
  async wait(_confirms, _timeout) {
    const confirms = _confirms == null ? 1 : _confirms;
    const timeout = _timeout == null ? 0 : _timeout;
    return new Promise((resolve, reject) => {
      this.provider.once(this.hash, confirms, resolve);
      if (timeout > 0) {
        const timer = setTimeout(() => reject(new Error("wait for transaction timeout")), timeout);
        this.cancellers.push(() => clearTimeout(timer));
      }
    });
  }

  async waitFor(_timeout) {
    const timeout = _timeout ?? 0;
    return new Promise((resolve, reject) => {
      this.provider.once(this.hash, resolve);
      if (timeout > 0) setTimeout(() => reject(new Error("timed out")), timeout);
    });
  }

  // Kept on the object for the waits it makes later: the object's own "no limit".
  configure(_timeout) {
    const timeout = _timeout == null ? 0 : _timeout; // expect: no-unbounded-timeout
    this.waitTimeout = timeout;
    if (this.waitTimeout > 0) this.timer = setTimeout(() => this.abort(), this.waitTimeout);
  }
}

class Provider {
  _setTimeout(_func, timeout) {
    if (timeout == null) {
      timeout = 0;
    }
    const timerId = this.nextTimer++;
    const func = () => {
      this.timers.delete(timerId);
      _func();
    };
    if (this.paused) this.timers.set(timerId, { timer: null, func, time: timeout });
    else this.timers.set(timerId, { timer: setTimeout(func, timeout), func });
    return timerId;
  }

  // Armed only when set: its 0 is "no limit" for the request it bounds.
  _guard(reject, timeout) {
    if (timeout == null) timeout = 0; // expect: no-unbounded-timeout
    if (timeout > 0) this.guardTimer = setTimeout(() => reject(new Error("request timed out")), timeout);
    return this.guardTimer;
  }

  // Also handed to a socket, whose 0 switches its idle timeout off.
  _idle(socket, timeout) {
    if (timeout == null) timeout = 0; // expect: no-unbounded-timeout
    socket.setTimeout(timeout);
    this.idleTimer = setTimeout(() => socket.destroy(), timeout);
  }
}

module.exports = { Transaction, Provider };
