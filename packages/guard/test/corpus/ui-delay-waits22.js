// A value named like a UI delay (`showTimeout`, `hoverTimeout`, `GH_TAP_TIMEOUT`) is a timeout when the file shows it
// reaching a wait: handed to a wait (`waitUntil(cond, this.showTimeout)`) or the delay of a timer that aborts,
// destroys or rejects. And a timer kept under such a handle is still a deadline when its callback ends the operation
// (issue 9, session 22 review of the UI-delay names). `expect:` marks findings.
const net = require("node:net");

export class Tooltip {
  constructor(el, options) {
    this.el = el;
    this.showTimeout = options.showTimeout ?? 10000; // expect: no-hardcoded-timeout
    this.hoverTimeout = 8000; // expect: no-hardcoded-timeout
  }

  async shown() {
    await waitUntil(() => this.el.isDisplayed(), this.showTimeout);
  }

  guard() {
    setTimeout(() => this.el.abort(new Error("hover never ended")), this.hoverTimeout);
  }
}

export function connect(limit, host) {
  const socket = net.connect(80, host);
  this.showTimeout = setTimeout(() => socket.destroy(new Error("server never answered")), limit.connectTimeout);
  return socket;
}

export const limits = { connectTimeout: 30000 }; // expect: no-hardcoded-timeout

// Beside them, a menu's tap window that only opens the menu is still a UI delay (names are read file-wide, so it has
// a name of its own here).
export class Menu {
  constructor(options) {
    this.tapTimeout = options.tapTimeout ?? 250;
  }

  tap(item) {
    this.tapTimer = setTimeout(() => item.open(), this.tapTimeout);
  }
}

function waitUntil(condition, timeout) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => (condition() ? resolve() : Date.now() - started > timeout ? reject() : setImmediate(poll));
    poll();
  });
}
