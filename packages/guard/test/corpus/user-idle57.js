// A user's inactivity allowance: re-armed on the user's input, it fires once the user has been away that long (a
// logout), and nothing waits on it. Another timeout of the same page still bounds its request.
const events = ["mousedown", "mousemove", "keydown", "touchstart", "wheel"];

export class IdleManager {
  callbacks = [];
  idleTimeout = 10 * 60 * 1000;
  timeoutID = undefined;

  constructor(options = {}) {
    const { onIdle, idleTimeout = 10 * 60 * 1000 } = options;
    this.callbacks = onIdle ? [onIdle] : [];
    this.idleTimeout = idleTimeout;
    const reset = this._resetTimer.bind(this);
    for (const name of events) document.addEventListener(name, reset, true);
  }

  exit() {
    clearTimeout(this.timeoutID);
    const reset = this._resetTimer.bind(this);
    for (const name of events) document.removeEventListener(name, reset, true);
    this.callbacks.forEach((cb) => cb());
  }

  _resetTimer() {
    const exit = this.exit.bind(this);
    window.clearTimeout(this.timeoutID);
    this.timeoutID = window.setTimeout(exit, this.idleTimeout);
  }
}

export async function logout(url) {
  const requestTimeout = 8000; // expect: no-hardcoded-timeout
  return fetch(url, { method: "POST", signal: AbortSignal.timeout(requestTimeout) });
}
