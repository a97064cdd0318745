class Transport {
  constructor(socket, options) {
    this._socket = socket;
    this.options = options;
  }

  connect(port, host) {
    const timeout = this.options.tune.socketConnectTimeout;
    if (timeout > 0) this._socket.setTimeout(timeout, () => this.fail(new Error("connect timed out")));
    this._socket.connect(port, host);
  }

  ready(timeout) {
    if (timeout) {
      this._socket.on("timeout", () => this.heartbeat(timeout));
      this._socket.setTimeout(timeout);
    }
  }

  heartbeat(timeout) {
    this._socket.write("\n");
    this._socket.setTimeout(timeout);
  }

  end() {
    const timeout = this.options.tune.socketEndCloseTimeout;
    if (timeout > 0) this._socket.setTimeout(timeout, () => this.close());
    this._socket.end();
  }

  close() {
    this._socket.destroy();
  }

  fail(error) {
    this._socket.destroy(error);
  }
}

module.exports = { Transport };
