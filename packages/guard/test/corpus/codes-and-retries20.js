// An HTTP timeout status under its reason phrase is a code in an object of any size, as `const REQUEST_TIMEOUT = 408`
// is (issue 9, session 20: @oh-my-pi/pi-ai in fresh33). A timeout-named value whose timer's delay scales it
// (`operationTimeout * 2`) and only starts the operation again is a retry delay (aws-iot-device-sdk; session 21, once
// callbacks given by name or as a parameter are read: `callback-scope21.js`). `expect:` marks findings.
const net = require("node:net");

// Three entries are too few for a code table; the status is a status all the same.
const ERROR_STATUS_BY_TYPE = {
  SERVICE_UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
  REQUEST_TIMEOUT: 408,
};

// A duration under the same kind of name stays reported: 30 is no timeout status.
const CLIENT_LIMITS = {
  MAX_SOCKETS: 10,
  REQUEST_TIMEOUT: 30, // expect: no-hardcoded-timeout
};

function statusOf(type) {
  return ERROR_STATUS_BY_TYPE[type];
}

function connect(host) {
  return net.connect({ host, timeout: CLIENT_LIMITS.REQUEST_TIMEOUT });
}

// The shadow operation is tried again after twice its timeout: a retry delay.
function shadowExample(thingShadows, thingName) {
  const operationTimeout = 10000;
  let currentTimeout = null;
  function genericOperation(operation, state) {
    const clientToken = thingShadows[operation](thingName, state);
    if (clientToken === null && currentTimeout !== null) {
      currentTimeout = setTimeout(function () {
        genericOperation(operation, state);
      }, operationTimeout * 2);
    }
  }
  return genericOperation;
}

// The scaled value also bounds a request: reported.
function fetchWithRetry(client, url) {
  const requestTimeout = 5000; // expect: no-hardcoded-timeout
  function attempt() {
    client.get(url, { timeout: requestTimeout }, (err) => {
      if (err) setTimeout(attempt, requestTimeout * 2);
    });
  }
  attempt();
}

// A timer that ends the wait keeps its scaled delay reported.
function guarded(socket) {
  const idleTimeout = 1000; // expect: no-hardcoded-timeout
  setTimeout(() => socket.destroy(new Error("idle timed out")), idleTimeout * 2); // expect: no-hardcoded-timeout
}

module.exports = { statusOf, connect, shadowExample, fetchWithRetry, guarded };
