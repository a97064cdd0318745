import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// Session 29 (guard-jsreach29): literals named like timeouts that never reach anything that waits (fresh59, fresh64):
// a number printed in an error's text, a local stored and never read again, the argument axios ignores after a
// config, and a wait's own "no limit" default handed to a package helper that bounds the wait with it. The real
// neighbours stay reported.

describe("a value written into an error's or a log line's text", () => {
  it("releases the fallback printed in the message; keeps the one that arms the timer, and a URL's", async () => {
    const source = [
      "class SchemaHandler {",
      "  async explore(args) {",
      "    const timeoutMs = (args.timeout_seconds || 30) * 1000;",
      "    const timeoutPromise = new Promise((_, reject) => {",
      "      setTimeout(() => reject(new Error(`Operation timeout after ${args.timeout_seconds || 30} seconds`)), timeoutMs);",
      "    });",
      '    logger.warn("waiting up to " + (args.timeout_seconds || 30) + " s");',
      "    const poll = fetch(`${this.base}/poll?timeout=${args.timeout_seconds || 30}`);",
      "    return Promise.race([this.run(args), timeoutPromise, poll]);",
      "  }",
      "}",
      "module.exports = SchemaHandler;",
    ].join("\n");
    expect(await findingLines("src/handlers/schema.js", source)).toEqual([
      "3: no-hardcoded-timeout",
      "8: no-hardcoded-timeout",
    ]);
  });
});

describe("a local stored and never read again", () => {
  it("releases a deadline nothing reads after it; keeps one the loop tests, one read in a loop, one a callback reads", async () => {
    const source = [
      "async function stopPid(pid, isPidRunning) {",
      "  process.kill(pid, 'SIGTERM');",
      "  let deadline = Date.now() + 3000;",
      "  while (deadline > Date.now()) {",
      "    await new Promise((resolve) => setTimeout(resolve, 100));",
      "    if (!(await isPidRunning(pid))) return true;",
      "  }",
      "  process.kill(pid, 'SIGKILL');",
      "  deadline = Date.now() + 1000;",
      "  while (await isPidRunning(pid)) {",
      "    await new Promise((resolve) => setTimeout(resolve, 100));",
      "  }",
      "  return false;",
      "}",
      "async function drain(queue) {",
      "  let deadline;",
      "  for (;;) {",
      "    if (deadline !== undefined && Date.now() > deadline) throw new Error('timed out');",
      "    deadline = Date.now() + 2000;",
      "    await queue.next();",
      "  }",
      "}",
      "function watch(check) {",
      "  let deadline;",
      "  const expired = () => Date.now() > deadline;",
      "  deadline = Date.now() + 4000;",
      "  return check(expired);",
      "}",
      "module.exports = { stopPid, drain, watch };",
    ].join("\n");
    expect(await findingLines("lib/process.js", source)).toEqual([
      "3: no-hardcoded-timeout",
      "19: no-hardcoded-timeout",
      "26: no-hardcoded-timeout",
    ]);
  });
});

describe("the argument axios ignores after a request config", () => {
  it("releases axios(config, { timeout }); keeps axios(url, { timeout })", async () => {
    const source = [
      'const axios = require("axios");',
      "async function send(url, data) {",
      '  const options = { url, method: "POST", data };',
      "  const response = await axios(options, { timeout: 5 * 60 * 1000 });",
      "  const other = await axios(url, { timeout: 60 * 1000 });",
      "  return [response.data, other.data];",
      "}",
      "module.exports = send;",
    ].join("\n");
    expect(await findingLines("wrapper/send.js", source)).toEqual(["5: no-hardcoded-timeout"]);
  });
});

describe("a wait's own 'no limit' default handed to a package helper that bounds the wait", () => {
  it("releases waitForExit(timeout = 0); keeps a default the object stores for later", async () => {
    const helper = [
      '"use strict";',
      "exports.waitFor = waitFor;",
      "async function waitFor(promise, timeout) {",
      "  let handle;",
      "  const expired = new Promise((resolve) => {",
      "    handle = setTimeout(() => resolve(null), timeout);",
      "  });",
      "  try {",
      "    return await Promise.race([expired, promise]);",
      "  } finally {",
      "    clearTimeout(handle);",
      "  }",
      "}",
    ].join("\n");
    const runProcess = [
      '"use strict";',
      'var _promise = require("../promise");',
      "class RunProcess {",
      "  async waitForExit(timeout = 0) {",
      "    if (timeout) {",
      "      if (await (0, _promise.waitFor)(this.stopPromise, timeout)) return await this.stopPromise;",
      "      throw new Error('Timed out waiting for exit');",
      "    }",
      "    return await this.stopPromise;",
      "  }",
      "  async kill() {",
      "    this.cmd.kill('SIGKILL');",
      "    return await (0, _promise.waitFor)(this.stopPromise, 100);",
      "  }",
      "  async waitForOutput(regex, timeout = 0) {",
      "    this.outputTimeout = timeout;",
      "    return await new Promise((resolve, reject) => {",
      "      if (timeout) setTimeout(() => reject(new Error('timeout')), timeout);",
      "    });",
      "  }",
      "}",
      "exports.RunProcess = RunProcess;",
    ].join("\n");
    expect(await packageFindings({ "src/promise/index.js": helper, "src/unix/run-process.js": runProcess })).toEqual([
      "src/unix/run-process.js:13: no-hardcoded-timeout",
      "src/unix/run-process.js:15: no-unbounded-timeout",
    ]);
  });
});

describe("an MCP tool's advertised default", () => {
  it("releases the inputSchema's default; keeps the handler's fallback and a library's option table", async () => {
    const registry = [
      "export const tools = [",
      "  {",
      "    name: 'sql_submit',",
      "    inputSchema: {",
      "      type: 'object',",
      "      properties: {",
      "        sql: { type: 'string' },",
      "        timeout_seconds: { type: 'number', description: 'Query timeout in seconds', default: 300 },",
      "      },",
      "    },",
      "  },",
      "];",
      "export async function handleSubmit(args, client) {",
      "  const timeoutSeconds = Math.min(args.timeout_seconds || 300, 1800);",
      "  return client.query(args.sql, { timeout: timeoutSeconds * 1000 });",
      "}",
    ].join("\n");
    expect(await findingLines("src/mcp/tool-registry.js", registry)).toEqual(["14: no-hardcoded-timeout"]);
    const options = ["export const DEFAULTS = {", "  waitforTimeout: { type: 'number', default: 5000 },", "};"].join(
      "\n",
    );
    expect(await findingLines("src/constants.js", options)).toEqual(["2: no-hardcoded-timeout"]);
  });
});
