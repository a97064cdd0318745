// JS recall, session 12 (issue 9): a helper's parameter followed into its body. A call hands a literal to a helper
// whose parameter is the delay of a timer that ends or fails the wait when it fires: the literal is the timeout,
// wherever it sits and whatever the helper is called. A helper from a library the file imports is known by a name
// that says it makes a promise that times out. `expect:` marks each line that must be flagged; every other line must
// come out clean.
const { timeoutPromise } = require("gerror");
const StdLib = require("@doctormckay/stdlib");

// The duration first: the timer gives up on the event and tells the handler the request timed out.
exports.onceTimeout = function (timeoutMilliseconds, emitter, event, handler) {
  let timeout;
  const internalHandler = function () {
    clearTimeout(timeout);
    handler.apply(emitter, [null].concat(Array.prototype.slice.call(arguments)));
  };
  timeout = setTimeout(() => {
    emitter.removeListener(event, internalHandler);
    handler.call(emitter, new Error("Request timed out"));
  }, timeoutMilliseconds);
  emitter.once(event, internalHandler);
};

function kickPlayingSession(client, onceTimeout) {
  exports.onceTimeout(10000, client, "playingState", (err) => console.log(err)); // expect: no-hardcoded-timeout
}

// A method whose second parameter, in seconds, bounds the wait for an answer.
class Requests {
  awaitAnswer(id, seconds) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${id}: timed out`)), seconds * 1000);
      this.once(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  async ask(id) {
    return this.awaitAnswer(id, 30); // expect: no-hardcoded-timeout
  }
}

// Library helpers named for a promise that times out: the duration first or second.
async function start(puppet, callback) {
  await timeoutPromise(puppet.start(), 15 * 1000); // expect: no-hardcoded-timeout
  return StdLib.Promises.timeoutCallbackPromise(10000, ["tags"], callback, (resolve) => resolve()); // expect: no-hardcoded-timeout
}

// Not timeouts: a sleep helper (its timer only resolves), a pacing helper whose timer re-runs the work, a file's own
// promise helper that only sleeps, and a 0.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function every(fn, interval) {
  setTimeout(() => {
    fn();
    every(fn, interval);
  }, interval);
}
const localTimeoutPromise = (timer) => new Promise((resolve) => setTimeout(resolve, timer));
// A cancellable delay whose promise shares its name with one another function races (nats' `delay` and `deadline`).
function delay(ms = 0) {
  const p = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(), ms);
  });
  return p;
}
function raceIt(p, other) {
  return Promise.race([p, other]);
}
async function notTimeouts(client) {
  await sleep(2000);
  every(() => client.ping(), 5000);
  await localTimeoutPromise(2);
  await delay(100);
  exports.onceTimeout(0, client, "x", () => {});
}

// A fallback converted to another unit is the default duration: a socket's idle timeout while connecting, a polling
// deadline computed from the clock. Not one: a pacing interval so converted (no timeout site), and `&&`.
function connectSocket(socket, heartbeat, session, opts) {
  socket.setTimeout((heartbeat || 60) * 1000); // expect: no-hardcoded-timeout
  const deadline = Date.now() + (session.expires_in || 600) * 1000; // expect: no-hardcoded-timeout
  const interval = (session.interval || 2) * 1000;
  socket.setTimeout((opts.enabled && 5) * 1000);
  return [deadline, interval];
}

// A builder's timeout setter given a duration (testcontainers' `withStartupTimeout`); not a plain builder method.
function container(PostgreSqlContainer, image) {
  return new PostgreSqlContainer(image).withStartupTimeout(120_000).withExposedPorts(5432); // expect: no-hardcoded-timeout
}
