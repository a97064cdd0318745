import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Durations named like timeouts that are only the pause before the next attempt (session 29, guard-delay29,
// `pause-names.ts`): every read of the name is a sleep's delay (`await sleep(x)`, `await new Promise((r) =>
// setTimeout(r, x))`) or the base of an exponential backoff whose timer starts the next try, through locals, fields
// and fallbacks. A name also read anywhere else (a request's option, a timer that aborts the try) stays a timeout.

const client = [
  "const utils = require('./utils');",
  "const defaults = { retryTimeout: 1000, maxRetries: 3 };",
  "exports.request = async function request(params) {",
  "  const retryTimeout = params.retryTimeout ? params.retryTimeout : defaults.retryTimeout;",
  "  for (let i = 0; i < defaults.maxRetries; i++) {",
  "    try { return await params.fn(); } catch (e) { await (0, utils.sleep)(retryTimeout); }",
  "  }",
  "};",
].join("\n");

const lockUser = [
  "exports.acquire = async function acquire({ resource, tryTimeout = 1000 }) {",
  "  while (!(await tryLock(resource))) await new Promise((resolve) => setTimeout(resolve, tryTimeout));",
  "};",
].join("\n");

const lockCaller = [
  "const user = require('./user');",
  "exports.lock = () => user.acquire({ resource: 'x', tryTimeout: 1000 });",
].join("\n");

const backoff = [
  "const INIT_RETRY_TIMEOUT = 1500;",
  "class Stream {",
  "  constructor(options) {",
  "    this._retry = { initRetryTimeout: options.initRetryTimeout || INIT_RETRY_TIMEOUT, factor: 2, count: 0 };",
  "  }",
  "  _onError() {",
  "    const delay = this._retry.initRetryTimeout * this._retry.factor ** this._retry.count++;",
  "    this._retryId = setTimeout(() => this._open(), delay);",
  "  }",
  "}",
  "module.exports = Stream;",
].join("\n");

describe("a duration named like a timeout that is only the pause before the next attempt", () => {
  it("silences a defaults field read only as a sleep's delay (through a local and a fallback)", async () => {
    expect(await packageFindings({ "lib/client.js": client })).toEqual([]);
  });

  it("silences a parameter default slept on, and the field its callers hand it (another file)", async () => {
    expect(await packageFindings({ "lib/user.js": lockUser, "lib/lock.js": lockCaller })).toEqual([]);
  });

  it("reports the callers' field without the function that sleeps on it", async () => {
    expect(await packageFindings({ "lib/lock.js": lockCaller })).toEqual(["lib/lock.js:2: no-hardcoded-timeout"]);
  });

  it("silences the base of an exponential backoff whose timer starts the next try", async () => {
    expect(await packageFindings({ "lib/stream.js": backoff })).toEqual([]);
  });

  it("silences a literal an awaited promise `setTimeout` only sleeps for", async () => {
    const code = "exports.f = async (u) => { await u.setTimeout(500); await u.retry(); };";
    expect(await packageFindings({ "lib/f.js": code })).toEqual([]);
  });

  it("keeps a per-try deadline reported: the timer aborts the try", async () => {
    const deadline = backoff.replace(
      "setTimeout(() => this._open(), delay)",
      "setTimeout(() => this._ctl.abort(), delay)",
    );
    expect(await packageFindings({ "lib/stream.js": deadline })).toEqual(["lib/stream.js:1: no-hardcoded-timeout"]);
  });

  it("keeps the name reported when it is also a request's option in the loop", async () => {
    const both = client.replace("await params.fn();", "await params.fn({ timeout: retryTimeout });");
    expect(await packageFindings({ "lib/client.js": both })).toEqual(["lib/client.js:2: no-hardcoded-timeout"]);
  });

  it("keeps a raced sleep reported: `Promise.race` with it ends the wait", async () => {
    const raced = [
      "const defaults = { retryTimeout: 1000 };",
      "exports.f = (p) => Promise.race([p, new Promise((r) => setTimeout(r, defaults.retryTimeout))]);",
    ].join("\n");
    expect(await packageFindings({ "lib/f.js": raced })).toEqual(["lib/f.js:1: no-hardcoded-timeout"]);
  });

  it("keeps a session's timeouts set with `setTimeout({...})` reported: no duration, no sleep", async () => {
    const code = "exports.f = async (browser) => { await browser.setTimeout({ implicit: 5000 }); };";
    expect(await packageFindings({ "lib/f.js": code })).toEqual(["lib/f.js:1: no-hardcoded-timeout"]);
  });

  it("keeps a test runner's timeout reported", async () => {
    const spec = [
      "const sleep = (ms) => new Promise((r) => setTimeout(r, ms));",
      "it('retries', async function () {",
      "  this.timeout(5000);",
      "  await sleep(100);",
      "});",
    ].join("\n");
    expect(await packageFindings({ "test/a.test.js": spec })).toEqual(["test/a.test.js:3: no-hardcoded-timeout"]);
  });

  // The walk finds a node's parent through its own entry (session 30, guard-speed30): these pin the three ways up.
  it("silences a field tested through a member chain before it is slept on", async () => {
    const code = [
      "const defaults = { retryTimeout: 1000 };",
      "exports.f = async (u) => { if (defaults.retryTimeout.enabled) await u.sleep(defaults.retryTimeout); };",
    ].join("\n");
    expect(await packageFindings({ "lib/f.js": code })).toEqual([]);
  });

  it("keeps the name reported when an object handed to a call also holds it", async () => {
    const code = [
      "const defaults = { retryTimeout: 1000 };",
      "exports.f = async (u) => { u.get('x', { retryTimeout: u.n }); await u.sleep(defaults.retryTimeout); };",
    ].join("\n");
    expect(await packageFindings({ "lib/f.js": code })).toEqual(["lib/f.js:1: no-hardcoded-timeout"]);
  });
});

// A bundle's minified backoff (session 55, issue 9): @cloudflare/realtimekit-sockrates' `class $e { constructor(e = {})
// { this.opts = { initialTimeout: e.initialTimeout || 1e3, ... } } async wait() { const e = Math.max(0, Math.min(max,
// this.opts.initialTimeout * 2 ** n)); await new Promise((t) => { setTimeout(t, e); }); } }` (fresh267): the sleep's
// local `e` is another binding than the constructor's parameter `e`, whose reads are no reads of the pause.
describe("a minified backoff whose sleep's local shares a name with another function's parameter", () => {
  const backoff = (local: string) =>
    [
      "class $e {",
      "  constructor(e = {}) {",
      "    this.opts = { initialTimeout: e.initialTimeout || 1e3, maxTimeout: e.maxTimeout || 1e4 };",
      "    this.n = 0;",
      "  }",
      "  async wait() {",
      "    this.n += 1;",
      `    const ${local} = Math.max(0, Math.min(this.opts.maxTimeout, this.opts.initialTimeout * 2 ** this.n));`,
      `    await new Promise((t) => { setTimeout(t, ${local}); });`,
      "  }",
      "}",
      "module.exports = $e;",
    ].join("\n");

  it("silences the backoff's base whatever the sleep's local is called", async () => {
    expect(await packageFindings({ "dist/index.js": backoff("e") })).toEqual([]);
    expect(await packageFindings({ "dist/index.js": backoff("delay") })).toEqual([]);
  });
});
