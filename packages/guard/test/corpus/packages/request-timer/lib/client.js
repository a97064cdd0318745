const http = require("node:http");
const { DEFAULTS } = require("./defaults");

class Client {
  constructor(socket, options) {
    this._socket = socket;
    this.options = { ...DEFAULTS, ...options };
  }

  get(path) {
    return new Promise((resolve, reject) => {
      const timeout = this.options.requestTimeout;
      const req = http.request(this.options.url + path, resolve);
      if (timeout > 0) req.setTimeout(timeout, () => req.destroy(new Error("request timed out")));
      req.on("error", reject);
      req.end();
    });
  }

  exchange(body) {
    const timeout = this.options.exchangeTimeout;
    if (timeout > 0) this._socket.setTimeout(timeout, () => this._socket.destroy(new Error("no reply")));
    this._socket.end(body);
  }
}

module.exports = { Client };
