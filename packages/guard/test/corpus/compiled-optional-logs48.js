// JS `no-hardcoded-timeout`, session 48 (issue 9): a timer whose callback only writes a log is a watchdog that warns,
// not a bound on a wait. Compiled for older targets, `this.Logger?.warn(...)` becomes
// `(_a2 = this.Logger) == null ? void 0 : _a2.warn(...)` (@netless/window-manager's dist): the temporary is the logger.
const APP_SETUP_WATCHDOG_TIMEOUT = 1e4;
const APP_LOAD_TIMEOUT = 1e4; // expect: no-hardcoded-timeout

export class AppProxy {
  async runAppSetup(appId, app, context) {
    this.setupWatchdogTimer = setTimeout(() => {
      var _a2;
      this.setupWatchdogTimer = void 0;
      if (this.status === "destroyed") return;
      (_a2 = this.Logger) == null
        ? void 0
        : _a2.warn(`[WindowManager]: hydrate timeout, appId: ${appId}, timeout: ${APP_SETUP_WATCHDOG_TIMEOUT}ms`);
    }, APP_SETUP_WATCHDOG_TIMEOUT);
    try {
      return await app.setup(context);
    } finally {
      clearTimeout(this.setupWatchdogTimer);
    }
  }

  async load(app) {
    this.loadTimer = setTimeout(() => {
      var _a;
      (_a = this.loader) == null ? void 0 : _a.abort(new Error("load timed out"));
    }, APP_LOAD_TIMEOUT);
    try {
      return await app.load();
    } finally {
      clearTimeout(this.loadTimer);
    }
  }
}
