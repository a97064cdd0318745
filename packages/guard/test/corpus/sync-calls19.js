// Tests that end at once and only call and assert (issue 9, session 19: postmark's, wd's and redislock's option specs
// in scout12xf, scout8js and fresh25): options handed to a setter and read back bound no wait, since nothing the test
// calls is awaited, returned or handed a callback. The same call in a test that waits, hands a callback on, leaves a
// promise running on purpose or keeps what it built for later tests still reports. `expect:` marks findings.
const assert = require("node:assert");
const { Client, Lock, request, wd } = require("./lib");

describe("client options", () => {
  let shared;

  it("sets the options and reads them back", () => {
    const timeout = 10;
    const client = new Client();
    client.setClientOptions({ host: "h", timeout });
    assert.deepStrictEqual(client.getClientOptions(), { host: "h", timeout });
  });

  it("updates the supplied defaults", function () {
    const options = { timeout: 999, retries: 888 };
    Lock.setDefaults(options);
    assert.strictEqual(Lock.defaults.timeout, options.timeout);
  });

  it("configures http", () => {
    wd.configureHttp({ timeout: 60000, retries: 3 });
    wd.getHttpConfig().should.deep.equal({ timeout: 60000, retries: 3 });
  });

  it("sends the request and waits for it", async () => {
    const client = new Client();
    client.setClientOptions({ timeout: 20 }); // expect: no-hardcoded-timeout
    await client.get("/");
  });

  it("sends with a callback", () => {
    const client = new Client();
    client.setClientOptions({ timeout: 30 }); // expect: no-hardcoded-timeout
    client.get("/", (error) => assert.ifError(error));
  });

  it("starts a request nothing reads back", () => {
    const client = new Client();
    client.start({ timeout: 45 }); // expect: no-hardcoded-timeout
    assert.ok(Client.started);
  });

  // review19 item 4: an assertion that names the receiver alone reads nothing the call set.
  it("waits on the lock and only checks that it exists", () => {
    const lock = new Lock();
    lock.acquireBlocking({ timeout: 3000 }); // expect: no-hardcoded-timeout
    expect(lock).toBeDefined();
  });

  it("blocks and only asserts the client", () => {
    const client = new Client();
    client.fetch("/", { timeout: 5000 }); // expect: no-hardcoded-timeout
    assert.ok(client);
  });

  // A free function has no receiver to set up: reading its options object back does not settle it.
  it("sends the request and reads its own options back", () => {
    const opts = { url: "http://x", timeout: 5000 }; // expect: no-hardcoded-timeout
    request(opts);
    assert.strictEqual(opts.url, "http://x");
  });

  // A method's argument whose member the assertion reads is what the call set (deepstream's config initialiser).
  it("initialises the config and reads what it set", () => {
    const config = { auth: { options: { requestTimeout: 2000 } } };
    Lock.initialise(config);
    assert.strictEqual(config.handler.type, "http");
  });

  it("leaves the request running", () => {
    void new Client().get("/", { timeout: 40 }); // expect: no-hardcoded-timeout
  });

  it("keeps the client for the next test", () => {
    shared = new Client();
    shared.setClientOptions({ timeout: 50 }); // expect: no-hardcoded-timeout
    assert.ok(shared);
  });
});
