// A literal cap on a configured timeout (issue 9, session 13: ssl-checker in fresh19, steam-user in fresh16): whenever
// the configured timeout is larger, the literal is the bound of the wait. A floor on the caller's value, setTimeout's
// own largest delay and a cap that is itself configured are no hardcoded bound. `expect:` marks findings.
const tls = require("node:tls");

async function gradeProbe(host, timeout) {
  const probeTimeout = Math.min(timeout, 5000); // expect: no-hardcoded-timeout
  return tls.connect({ host, timeout: probeTimeout });
}

class TcpConnection {
  constructor(user, stream) {
    this.user = user;
    this.stream = stream;
  }

  onConnect() {
    this.stream.setTimeout(Math.min(this.user._connectTimeout, 2000)); // expect: no-hardcoded-timeout
  }

  onTimeout() {
    this.user._connectTimeout = Math.min(this.user._connectTimeout * 2, 10000); // expect: no-hardcoded-timeout
  }
}

function withFloor(socket, timeout) {
  socket.setTimeout(Math.max(timeout, 1000));
}

function withPlatformClamp(socket, options) {
  const socketTimeout = Math.min(options.timeout, 2147483647);
  socket.setTimeout(socketTimeout);
}

function withConfiguredCap(socket, timeout, limits) {
  const readTimeout = Math.min(timeout, limits.readTimeout);
  socket.setTimeout(readTimeout);
}

module.exports = { gradeProbe, TcpConnection, withFloor, withPlatformClamp, withConfiguredCap };
