// JS `no-unbounded-timeout` and `no-hardcoded-timeout`, session 15 (issue 9): a test that hands the code under test
// its own timer function (`new JSONBird({ pingTimeout: 0, setTimeout, clearTimeout })`, jsonbird's ping tests) runs
// that object's durations on the fake: a `setTimeout` that only records its calls arms nothing, nothing waits. A
// wrapper that arms a real timer, and the global `setTimeout` handed on as itself, keep real time.
const assert = require("assert");

class Pinger {
  constructor(options) {
    this.options = options;
    this.pingTimeout = options.pingTimeout;
  }

  ping(send) {
    send();
    if (this.pingTimeout > 0) this.timer = this.options.setTimeout(() => this.fail(), this.pingTimeout);
  }

  fail() {
    this.failed = true;
  }
}

describe("pings on an injected timer", () => {
  const calls = [];
  const setTimeout = (fn, delay) => {
    calls.push({ fn, delay });
    return calls.length;
  };

  it("arms no timer when the ping timeout is off", () => {
    const pinger = new Pinger({ pingTimeout: 0, setTimeout });
    pinger.ping(() => {});
    assert.strictEqual(calls.length, 0);
  });

  it("arms the injected timer", () => {
    const pinger = new Pinger({ pingTimeout: 1234, setTimeout });
    pinger.ping(() => {});
    assert.strictEqual(calls[0].delay, 1234);
  });

  it("fails at once when the timer throws", () => {
    const pinger = new Pinger({
      pingTimeout: 50,
      setTimeout: () => {
        throw new Error("no timers here");
      },
    });
    assert.throws(() => pinger.ping(() => {}));
  });
});

// A second suite hands on the global `setTimeout` (the first suite's fake is not in scope here): real time.
describe("pings on the real timer", () => {
  it("fails after the ping timeout", (done) => {
    const pinger = new Pinger({ pingTimeout: 4000, setTimeout }); // expect: no-hardcoded-timeout
    pinger.ping(() => {});
    pinger.fail = done;
  });
});

function realTimer(fn, delay) {
  return globalThis.setTimeout(fn, delay);
}

module.exports = {
  wrapped: () => new Pinger({ pingTimeout: 0, setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) }), // expect: no-unbounded-timeout
  named: () => new Pinger({ pingTimeout: 2500, setTimeout: realTimer }), // expect: no-hardcoded-timeout
  global: () => new Pinger({ pingTimeout: 3000, setTimeout: globalThis.setTimeout }), // expect: no-hardcoded-timeout
};
