const http = require("node:http");
const defaults = require("./defaults.js");

class Connection {
  constructor(options) {
    this.options = { ...defaults, ...options };
    // Stored under another name, then tested before its timer is armed: 0 arms none.
    this._socketTimeoutMS = this.options.socketTimeoutMS || 0; // expect: no-unbounded-timeout
  }

  connect(socket) {
    if (this._socketTimeoutMS > 0) this.idle = setTimeout(() => socket.destroy(), this._socketTimeoutMS);
  }

  query(text, config) {
    // A local read from the setting, tested and armed.
    const readTimeout = config.query_timeout;
    if (readTimeout) this.timer = setTimeout(() => this.fail(text), readTimeout);
    if (config.statementTimeout !== Infinity) this.deadline = Date.now() + config.statementTimeout;
    if (this.options.timeout) setTimeout(() => this.fail(text), this.options.timeout);
  }

  listen() {
    const server = http.createServer();
    server.requestTimeout = this.options.requestTimeout;
    return server;
  }

  release() {
    const { leakDetectionTimeout } = this.options;
    if (leakDetectionTimeout > 0) setTimeout(() => console.warn("connection not released"), leakDetectionTimeout);
  }

  fail(text) {
    throw new Error(`query timed out: ${text}`);
  }
}

module.exports = { Connection };
