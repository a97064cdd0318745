// A caller's value raised to the number it was just compared with (issue 9, session 18: node-red-node-ping in fresh29,
// iobroker.snmp in fresh21): `t < 1000 ? 1000 : t` and `if (t < 1) t = 1` are the floor `Math.max(t, 1000)` writes,
// a clamp of the configured value; so is the floor put back for a NaN (@medusajs/locking-* in fresh23 and fresh27).
// The cap the other way, a replacement that is not the number compared (an invalid value's default) and a default
// when unset stay hardcoded. `expect:` marks findings.
const net = require("node:net");

function ping(host, hostOptions) {
  hostOptions.timeout = hostOptions.timeout < 1000 ? 1000 : hostOptions.timeout;
  hostOptions.timeout = hostOptions.timeout > 30000 ? 30000 : hostOptions.timeout; // expect: no-hardcoded-timeout
  return net.connect({ host, timeout: hostOptions.timeout });
}

function pingReversed(host, options) {
  const timeout = options.timeout >= 500 ? options.timeout : 500;
  return net.connect({ host, timeout });
}

function startDevice(adapter, dev) {
  if (dev.devTimeout < 1) {
    adapter.log.warn(`device timeout ${dev.devTimeout} must be at least 1 second`);
    dev.devTimeout = 1;
  }
  if (dev.devTimeout > 600) {
    dev.devTimeout = 600; // expect: no-hardcoded-timeout
  }
  return net.connect({ host: dev.host, timeout: dev.devTimeout * 1000 });
}

function notAFloor(host, options) {
  const timeout = options.timeout < 1 ? 5000 : options.timeout; // expect: no-hardcoded-timeout
  if (options.connectTimeout < 1) options.connectTimeout = 3000; // expect: no-hardcoded-timeout
  return net.connect({ host, timeout, connectTimeout: options.connectTimeout });
}

async function execute(manager, args) {
  const timeout = Math.max(args?.timeout ?? 5, 1); // expect: no-hardcoded-timeout
  const timeoutSeconds = Number.isNaN(timeout) ? 1 : timeout;
  return manager.acquireLock({ timeout: timeoutSeconds });
}

function notTheFloor(socket, options) {
  const timeout = Math.max(options.timeout, 1);
  const idleTimeout = isNaN(options.idleTimeout) ? 2000 : options.idleTimeout; // expect: no-hardcoded-timeout
  const connectTimeout = Number.isNaN(timeout) ? 15000 : timeout; // expect: no-hardcoded-timeout
  socket.setTimeout(idleTimeout);
  return socket.connect({ timeout: connectTimeout });
}

// A parameter of the same name in a function inside is another binding too.
function connectAgain(opts) {
  const timeout = Math.max(opts.timeout, 1000);
  const attempt = (timeout) => net.connect({ host: opts.host, timeout: Number.isNaN(timeout) ? 1000 : timeout }); // expect: no-hardcoded-timeout
  attempt(Number.parseInt(process.env.RETRY_TIMEOUT, 10));
  return net.connect({ host: opts.host, timeout: Number.isNaN(timeout) ? 1000 : timeout });
}

// A NaN floor is the floor of the local declared `Math.max` in its own function (review18 item 2): the same name
// floored in another function does not make a parsed setting's default for a NaN a floor.
function connectFloored(opts) {
  const timeout = Math.max(opts.connectTimeout, 30000);
  return net.connect({ host: opts.host, timeout });
}

function fetchPage(url) {
  const timeout = Number.parseInt(process.env.PAGE_TIMEOUT, 10);
  return fetch(url, { signal: AbortSignal.timeout(Number.isNaN(timeout) ? 30000 : timeout) }); // expect: no-hardcoded-timeout
}

module.exports = { ping, pingReversed, startDevice, notAFloor, execute, notTheFloor, connectFloored, fetchPage, connectAgain };
