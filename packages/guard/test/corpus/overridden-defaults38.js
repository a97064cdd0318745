// Issue 9, session 38 (fresh99): minecraft-bedrock-server's requestPong is not exported and its one call always passes
// the timeout (the caller's own parameter, defaulted there): requestPong's default never applies. A function called
// with a value that may be undefined, one handed on as a value, and an exported one keep their defaults.
// `expect:` marks findings.
function requestPong(port, timeout = 5000) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("ping timed out")), timeout);
    ping(port, resolve);
  });
}

async function getPongDetails(ports, pingTimeout = 5000) { // expect: no-hardcoded-timeout
  return await requestPong(ports, pingTimeout);
}

function requestPing(port, timeout = 4000) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("ping timed out")), timeout);
    ping(port, resolve);
  });
}

async function pingAll(ports, options) {
  const { pingTimeout = 4500 } = options; // expect: no-hardcoded-timeout
  return requestPing(ports, pingTimeout);
}

function probe(port, timeout = 2000) { // expect: no-hardcoded-timeout
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("probe timed out")), timeout));
}
probe(1, options.timeout);

function handedOn(port, timeout = 3000) { // expect: no-hardcoded-timeout
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timed out")), timeout));
}
handedOn(2, 100); // expect: no-hardcoded-timeout
retry(handedOn);

module.exports = { getPongDetails, pingAll };
