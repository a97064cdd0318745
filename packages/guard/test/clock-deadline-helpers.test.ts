import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 43 (issue 9), from blind set fresh128: @inboxsdk/core's `waitFor(condition, timeout = 120 * 1000)` polls
// and rejects once it has waited `timeout`, and its callers hand the bound by position (`waitFor(cond, 20 * 1000)`).
// No timer carries the bound, so the helper is known by its body: a parameter named for a timeout that the body
// compares with the time spent, failing when it is reached.

describe("a helper that fails once the time spent reaches its timeout parameter", () => {
  it("reports a literal handed by position (elapsed clock, the call in the same file)", async () => {
    const code = [
      "function waitFor(cond, timeout) {",
      "  return new Promise((resolve, reject) => {",
      "    const start = Date.now();",
      "    const tick = () => {",
      "      if (cond()) return resolve();",
      "      if (Date.now() - start > timeout) return reject(new Error('timed out'));",
      "      setTimeout(tick, 50);",
      "    };",
      "    tick();",
      "  });",
      "}",
      "export async function ready(el) {",
      "  await waitFor(() => el.ready, 20000);",
      "}",
    ];
    expect(await findingLines("wait.js", code.join("\n"))).toEqual(["13: no-hardcoded-timeout"]);
  });

  it("reports it through a deadline computed from the clock (`const deadline = Date.now() + timeout`)", async () => {
    const code = [
      "async function until(check, timeoutMs) {",
      "  const deadline = Date.now() + timeoutMs;",
      "  while (!(await check())) {",
      "    if (Date.now() > deadline) throw new Error('gave up');",
      "    await sleep(100);",
      "  }",
      "}",
      "export const opened = (page) => until(() => page.isOpen(), 15_000);",
    ];
    expect(await findingLines("until.js", code.join("\n"))).toEqual(["8: no-hardcoded-timeout"]);
  });

  it("reports it through a counter of the time waited and a compiled `arguments[1]` default", async () => {
    const code = [
      "function waitFor(condition) {",
      "  let timeout = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 120 * 1000;",
      "  let steptime = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : 250;",
      "  return new Promise(function (resolve, reject) {",
      "    let waited = 0;",
      "    function step() {",
      "      if (condition()) resolve();",
      "      else if (waited >= timeout) reject(new Error('waitFor timeout'));",
      "      else { waited += steptime; setTimeout(step, steptime); }",
      "    }",
      "    setTimeout(step, 1);",
      "  });",
      "}",
      "async function drop(el) {",
      "  await waitFor(() => el.visible, 20 * 1000);",
      "}",
    ];
    expect(await findingLines("wait-for.js", code.join("\n"))).toEqual([
      "2: no-hardcoded-timeout",
      "15: no-hardcoded-timeout",
    ]);
  });

  it("reports it when the wait goes on while under the bound and fails otherwise (`if (time < timeout) ... else`)", async () => {
    const code = [
      "function poll(check, timeout) {",
      "  return new Promise((resolve, reject) => {",
      "    let time = 0;",
      "    const interval = 10;",
      "    (function again() {",
      "      time += interval;",
      "      if (check()) resolve();",
      "      else if (time < timeout) setTimeout(again, interval);",
      "      else reject(new Error('poll timed out'));",
      "    })();",
      "  });",
      "}",
      "poll(() => ready, 3000);",
    ];
    expect(await findingLines("poll.js", code.join("\n"))).toEqual(["13: no-hardcoded-timeout"]);
  });

  it("reports nothing for a budget checked once, where nothing waits (a benchmark's assertion)", async () => {
    const code = [
      "function bench(fn, budget) {",
      "  const start = performance.now();",
      "  fn();",
      "  if (performance.now() - start > budget) throw new Error('too slow');",
      "}",
      "bench(() => parse(text), 50);",
    ];
    expect(await findingLines("bench.js", code.join("\n"))).toEqual([]);
  });

  it("reports nothing when the comparison does not fail the wait (a log of a slow step)", async () => {
    const code = [
      "function step(fn, timeout) {",
      "  const start = Date.now();",
      "  fn();",
      "  if (Date.now() - start > timeout) console.warn('slow step');",
      "}",
      "step(() => render(), 100);",
    ];
    expect(await findingLines("step.js", code.join("\n"))).toEqual([]);
  });

  it("reports a webpack bundle's call of the helper through its module's mangled export (`(0, wait_for.A)(...)`)", async () => {
    const code = [
      "var __webpack_modules__ = ({",
      "5156: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {",
      "  __webpack_require__.d(__webpack_exports__, { A: () => (/* binding */ waitFor) });",
      "  function waitFor(condition, timeout) {",
      "    return new Promise((resolve, reject) => {",
      "      const start = Date.now();",
      "      (function step() {",
      "        if (condition()) resolve();",
      "        else if (Date.now() - start >= timeout) reject(new Error('waitFor timeout'));",
      "        else setTimeout(step, 250);",
      "      })();",
      "    });",
      "  }",
      "}),",
      "22: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {",
      "  var wait_for = __webpack_require__(5156);",
      "  var other = __webpack_require__(7);",
      "  async function drop(el) {",
      "    await (0, wait_for/* default */.A)(() => el.visible, 20 * 1000);",
      "    await (0, other/* default */.A)(() => el.visible, 500);",
      "  }",
      "}),",
      "});",
    ];
    expect(await findingLines("bundle.js", code.join("\n"))).toEqual(["19: no-hardcoded-timeout"]);
  });

  it("reports a name the time spent is held against in a retry loop, whatever it is called (Speakeasy's retries)", async () => {
    const code = [
      "const defaultBackoff = { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 };",
      "async function retryBackoff(fn, strategy = defaultBackoff) {",
      "  const { maxElapsedTime, initialInterval, exponent, maxInterval } = strategy;",
      "  const start = Date.now();",
      "  let x = 0;",
      "  while (true) {",
      "    try {",
      "      return await fn();",
      "    } catch (err) {",
      "      const elapsed = Date.now() - start;",
      "      if (elapsed > maxElapsedTime) throw err;",
      "      await delay(Math.min(initialInterval * Math.pow(x, exponent), maxInterval));",
      "      x++;",
      "    }",
      "  }",
      "}",
    ];
    expect(await findingLines("retries.js", code.join("\n"))).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("reports a literal the time spent is held against in a poll, and a field a poll reads", async () => {
    const code = [
      "class Config { constructor() { this.maxPollTime = 300000; this.pollInterval = 2000; } }",
      "async function waitForWallet(config) {",
      "  const startTime = Date.now();",
      "  while (!window.wallet) {",
      "    if (Date.now() - startTime > 5000) throw new Error('no wallet');",
      "    if (Date.now() - startTime > config.maxPollTime) throw new TimeoutError('polling took too long');",
      "    await sleep(config.pollInterval);",
      "  }",
      "}",
    ];
    expect(await findingLines("wallet.js", code.join("\n"))).toEqual([
      "1: no-hardcoded-timeout",
      "5: no-hardcoded-timeout",
    ]);
  });

  it("reports nothing for an entry's age held against its lifetime (the start is not this code's clock read)", async () => {
    const code = [
      "const maxAge = 60000;",
      "function check(tokens) {",
      "  for (const token of tokens) {",
      "    if (Date.now() - token.createdAt > maxAge) throw new Error('token expired');",
      "  }",
      "}",
    ];
    expect(await findingLines("tokens.js", code.join("\n"))).toEqual([]);
  });

  it("reports nothing for a count of tries or items held against a limit (`if (retries >= MAX_RETRIES) throw`)", async () => {
    const code = [
      "const MAX_RETRIES = 8;",
      "async function write(items) {",
      "  let retries = 0;",
      "  while (items.length > 0) {",
      "    items = await batchWrite(items);",
      "    retries += 1;",
      "    if (retries >= MAX_RETRIES) throw new Error('unprocessed items remain');",
      "    await sleep(100 * retries);",
      "  }",
      "}",
      "function decode(bytes, width) {",
      "  for (let i = 0; i < bytes.length; i++) if (i > 255) throw new Error('too long');",
      "}",
    ];
    expect(await findingLines("batch.js", code.join("\n"))).toEqual([]);
  });
});
