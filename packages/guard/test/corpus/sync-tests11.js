// Tests that cannot wait (issue 9, mappersmith's and postmark's specs): a test function with no `done`, no `await`
// and no returned promise ends when its statements have run, so the timeout it builds only to compare bounds no
// wait. A test that hands what it built to later tests, leaves a callback for later, waits, or blocks keeps its
// timeouts. `expect:` marks findings.
const assert = require("node:assert");
const { execSync } = require("node:child_process");
const { Request, Registry, Latch, Client } = require("./lib");

describe("Request", () => {
  let registry;

  it("keeps the timeout it is given", () => {
    const request = new Request({ timeout: 1000 });
    const enhanced = request.enhance({ timeout: 2000 });
    assert.strictEqual(enhanced.timeout(), 2000);
  });

  it("builds its options once", function () {
    const options = { host: "h", timeout: 450 };
    assert.ok(new Request(options).host());
  });

  it("fires a request it does not wait for", () => {
    void new Client({ timeout: 2000 }).get("/"); // expect: no-hardcoded-timeout
  });

  // `ok(client)` names the receiver but reads nothing the call set: it settles no call (review19 item 4).
  it("configures the client", () => {
    const client = new Client({ timeout: 1000 }); // expect: no-hardcoded-timeout
    client.configure({ retries: 2 });
    assert.ok(client);
  });

  it("starts the client and checks something else", () => {
    const client = new Client({ timeout: 1100 }); // expect: no-hardcoded-timeout
    client.start();
    assert.ok(Client);
  });

  it("makes a registry the next test uses", () => {
    registry = new Registry({ subscriptionTimeout: 5 }); // expect: no-hardcoded-timeout
    assert.ok(registry);
  });

  it("calls back when the latch times out", () => {
    const latch = Latch.create(3, { timeout: 3000 }, (timedOut) => assert.ok(timedOut)); // expect: no-hardcoded-timeout
    latch.done();
  });

  it("sends the request", async () => {
    await new Client({ timeout: 5000 }).get("/"); // expect: no-hardcoded-timeout
  });

  it("sends with a callback", (done) => {
    new Client({ timeout: 5000 }).get("/", done); // expect: no-hardcoded-timeout
  });

  it("returns the promise", () => {
    const client = new Client({ timeout: 5000 }); // expect: no-hardcoded-timeout
    return client.get("/");
  });

  it("runs the command", () => {
    execSync("sleep 1", { timeout: 5000 }); // expect: no-hardcoded-timeout
  });

  it("maps the settings", () => {
    const all = [1, 2].map((n) => ({ n, timeout: 100 * n }));
    assert.strictEqual(all.length, 2);
  });
});
