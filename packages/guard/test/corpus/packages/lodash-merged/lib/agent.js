const _ = require("lodash");
const defaults = require("./defaults");

class Agent {
  constructor(options) {
    this.options = _.assign({}, defaults, options);
  }

  send(socket, data) {
    const timeout = this.options.timeout;
    if (timeout > 0) this.timer = setTimeout(() => socket.destroy(), timeout);
    socket.write(data);
  }
}

exports.Agent = Agent;
