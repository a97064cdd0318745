// A connect deadline whose callback builds its error from `this._captureConnectionContext(...)` (issue 9, session 17
// JS recall): "captu-re-Connect-ion" holds the letters of a reconnect across two words; the timer rejects the connect,
// it schedules nothing. A timer whose callback does reconnect stays a schedule. `expect:` marks each flagged line.
class Transport {
  constructor(url, options = {}) {
    this.url = url;
    this.options = {
      connectionTimeout: options.connectionTimeout ?? 1e4, // expect: no-hardcoded-timeout
      reconnectAfter: options.reconnectAfter ?? 2e3,
    };
  }

  connectOnce() {
    return new Promise((resolve, reject) => {
      const timeoutHandle = setTimeout(() => {
        this.ws?.close();
        reject(new TransportError(this._captureConnectionContext({ phase: "connecting" })));
      }, this.options.connectionTimeout);
      this.ws = new WebSocket(this.url);
      this.ws.onopen = () => {
        clearTimeout(timeoutHandle);
        resolve();
      };
    });
  }

  maybeReconnect() {
    setTimeout(() => this.scheduleReconnect(), this.options.reconnectAfter);
  }

  _captureConnectionContext(extra = {}) {
    return { url: this.url, online: globalThis.navigator?.onLine, ...extra };
  }
}

module.exports = { Transport };
