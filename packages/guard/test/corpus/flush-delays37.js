// Issue 9, session 37 (databuddy's SDK): a constant read only as the fallback of a setting whose one timer flushes a
// batch is that setting's default, a batching delay: nothing waits on it. The same shape into a request's deadline,
// or a constant read again elsewhere, stays a timeout. `expect:` marks findings.
const DEFAULT_BATCH_TIMEOUT = 2e3;
const DEFAULT_REQUEST_TIMEOUT = 10e3; // expect: no-hardcoded-timeout
const DEFAULT_IDLE_TIMEOUT = 5e3; // expect: no-hardcoded-timeout
const DEFAULT_SHUTDOWN_TIMEOUT = 3e3; // expect: no-hardcoded-timeout

export class Client {
  constructor(config) {
    this.batchTimeout = Math.max(1, Math.floor(config.batchTimeout ?? DEFAULT_BATCH_TIMEOUT));
    this.requestTimeout = config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
    this.idleTimeout = config.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
    this.shutdownTimeout = config.shutdownTimeout ?? DEFAULT_SHUTDOWN_TIMEOUT;
    this.flushTimer = null;
  }

  shutdown() {
    // A last flush, then the socket is ended whatever it still holds: a forced close's deadline.
    setTimeout(() => {
      this.flush();
      this.socket.end();
    }, this.shutdownTimeout);
  }

  scheduleFlush() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flush().catch((error) => {
        this.logger.error("Auto-flush error", { error: String(error) });
      });
    }, this.batchTimeout);
  }

  send(body) {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), this.requestTimeout);
    return fetch(this.url, { method: "POST", body, signal: controller.signal });
  }

  close() {
    // Read again here: the constant itself bounds the close.
    setTimeout(() => this.socket.destroy(), DEFAULT_IDLE_TIMEOUT);
  }
}

// smtp-server's force-close: a local `timeout` holding a configured close deadline's fallback (a local is no field the
// rule above reads; the whole-corpus sweep found smtp-server's, wildduck's and @arcblock/ws's real defaults lost when
// it was).
const CLOSE_TIMEOUT = 30 * 1000; // expect: no-hardcoded-timeout

export class Server {
  close(callback) {
    let connections = this.connections.size;
    let timeout = this.options.closeTimeout || CLOSE_TIMEOUT;
    this.server.close(() => {
      clearTimeout(this._closeTimeout || undefined);
      if (typeof callback === "function") return callback();
    });
    if (connections) this.logger.info({ tnx: "close" }, "waiting %s seconds before terminating", timeout / 1000);
    this._closeTimeout = setTimeout(() => {
      connections = this.connections.size;
      if (connections) {
        this.connections.forEach((connection) => {
          connection.send(421, "Server shutting down");
          connection.close();
        });
      }
      if (typeof callback === "function") {
        const realCallback = callback;
        callback = null;
        realCallback();
      }
    }, timeout);
    this._closeTimeout.unref();
  }
}
