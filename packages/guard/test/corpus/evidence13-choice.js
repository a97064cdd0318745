// JS `no-unbounded-timeout`, session 13 (issue 9): a request made on one of two modules the code chooses between,
// `(secure ? https : http).request(options)`, is a request of either: Node's `timeout: 0` is no socket timeout for
// both (opensearch's proxy CONNECT request). A choice between objects nobody here knows stays their business.
const http = require("http");
const https = require("https");

function connect(proxy, options) {
  const requestOptions = {
    ...proxy.requestOptions,
    method: "CONNECT",
    timeout: options.timeout || 0, // expect: no-unbounded-timeout
  };
  return (proxy.protocol === "http:" ? http : https).request(requestOptions);
}

function send(url, secure) {
  return (secure ? https : http).get(url, { timeout: 0 }); // expect: no-unbounded-timeout
}

function stop(primary, docker, container) {
  return (primary ? docker : container).stop({ timeout: 0 });
}

module.exports = { connect, send, stop };
