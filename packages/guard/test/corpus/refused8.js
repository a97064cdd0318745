// Calls a test expects to fail still wait first when the failure can come after a wait (issue 9, scout9jsr's
// borp and fresh8's rethinkdbdash misses): only a validation error means the input was refused before anything
// waited. `expect:` marks each line that must be flagged.
const { rejects } = require("node:assert");
const assert = require("node:assert");
const { execa } = require("execa");
const r = require("rethinkdbdash")();

test("an unknown option makes the CLI exit non-zero", async () => {
  await rejects(async () => {
    await execa("node", ["cli.js", "--invalid-option"], { timeout: 15000 }); // expect: no-hardcoded-timeout
    throw new Error("Expected command to fail");
  });
});

test("a timeout of the wrong type is refused", async () => {
  await assert.rejects(() => execa("node", ["cli.js"], { timeout: 15000 }), TypeError);
});

// A co-style generator test: `yield` waits for the connection before the failure comes.
it("fails to connect in time", function* (done) {
  try {
    yield r.connect({ port: 28015, timeout: 1 }); // expect: no-hardcoded-timeout
    done(new Error("Was expecting an error"));
  } catch (err) {
    done();
  }
});

// A promise the test fails on success and expects to reject on its invalid input: refused before anything waited.
const tcpPortUsed = require("tcp-port-used");
it("rejects an invalid port", (done) => {
  tcpPortUsed.waitUntilUsedOnHost({ port: "hello", host: "127.0.0.1", timeOutMs: 2000 }).then(
    () => done(new Error("waitUntilUsed unexpectedly successful.")),
    (err) => (err.message === "invalid port: 'hello'" ? done() : done(err)),
  );
});
// Expected to reject with its timeout: it waited that long.
it("rejects a used port after the timeout", (done) => {
  tcpPortUsed.waitUntilFreeOnHost({ port: 44203, host: "127.0.0.1", timeOutMs: 1000 }).then( // expect: no-hardcoded-timeout
    () => done(new Error("waitUntilFreeOnHost unexpectedly succeeded")),
    (err) => (err.message === "timeout" ? done() : done(err)),
  );
});

// A configuration refused with a message that says so: nothing waited.
test("http2 needs a base", async (t) => {
  await t.assert.rejects(async () => instance.register(From, { http2: { requestTimeout: 100 } }), new Error("Option base is required when http2 is true"));
});
