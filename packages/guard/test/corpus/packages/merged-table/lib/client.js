const defaults = require("./options");
const { log } = require("./log");

class Client {
  constructor(options) {
    this._options = Object.assign({}, defaults, options);
  }

  request(socket, data) {
    const timeout = this._options.timeout;
    if (timeout > 0) this._timer = setTimeout(() => socket.destroy(), timeout);
    log("closing within", this._options.closeTimeout);
    socket.write(data);
  }
}

exports.Client = Client;
