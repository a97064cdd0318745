import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Two JS families of session 36's fresh90 sample (issue 9).
// 1. Private fields as Babel and TypeScript compile them (countly-sdk-web's `_classPrivateFieldSet2(_requestTimeoutDuration,
//    this, 30000)`, later set as every XHR's timeout): the helper calls are read as the member writes and reads they
//    stand for, so the field is judged by its name like `this.requestTimeoutDuration = 30000`.
// 2. A setting reader's default (`envNum(env, ["BITBUCKET_HTTP_TIMEOUT_MS"], 30_000, { min: 0 })`, bitbucket-mcp-server's
//    config): one argument names a timeout setting, and the one number after it is the default timeout.

describe("private fields compiled by Babel or TypeScript", () => {
  it("reports a timeout written through each helper, named by its field", async () => {
    const source = [
      "var _requestTimeoutDuration = new WeakMap(), _connectTimeoutDuration = new WeakMap();",
      "var _Client_timeout = new WeakMap();",
      "class Client {",
      "  constructor() {",
      "    _classPrivateFieldSet2(_requestTimeoutDuration, this, 30000);",
      "    _classPrivateFieldSet(this, _connectTimeoutDuration, 20000);",
      '    __classPrivateFieldSet(this, _Client_timeout, 5000, "f");',
      "  }",
      "  send(xhr) {",
      "    xhr.timeout = _classPrivateFieldGet2(_requestTimeoutDuration, this);",
      "  }",
      "}",
      "module.exports = Client;",
    ];
    expect(await findingLines("client.js", source.join("\n"))).toEqual([
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
      "7: no-hardcoded-timeout",
    ]);
  });

  it("judges the field like a plain one: a reset to 0 and a field not named like a timeout are not reported", async () => {
    const source = [
      "var _failTimeout = new WeakMap();",
      "var _retries = new WeakMap();",
      "class Client {",
      "  reset() {",
      "    _classPrivateFieldSet2(_failTimeout, this, 0);",
      "    _classPrivateFieldSet2(_retries, this, 5000);",
      "  }",
      "}",
      "module.exports = Client;",
    ];
    expect(await findingLines("reset.js", source.join("\n"))).toEqual([]);
  });

  it("leaves calls of other names alone, those of Object.prototype included", async () => {
    const source = [
      "// classPrivateField helpers are used elsewhere in this bundle",
      "const timeout = Foo.constructor(5000);",
      "const other = helpers.classPrivateFieldWhatever(_timeout, this, 5000);",
      "module.exports = { timeout, other };",
    ];
    expect(await findingLines("other.js", source.join("\n"))).toEqual([]);
  });
});

describe("a setting reader's default", () => {
  it("reports the one number after a timeout setting's name or list of names", async () => {
    const source = [
      "export const config = {",
      "  timeoutMs: envNum(env, ['BITBUCKET_HTTP_TIMEOUT_MS'], 30_000, { min: 0 }),",
      "  readTimeout: getConfig('read_timeout', options, 60),",
      "};",
    ];
    expect(await findingLines("config.js", source.join("\n"))).toEqual([
      "2: no-hardcoded-timeout",
      "3: no-hardcoded-timeout",
    ]);
  });

  it("leaves a validator handed the value beside its name: the number is a bound", async () => {
    const source = [
      "export function resolve(options, config) {",
      '  const opTimeoutMs = whole("opTimeoutMs", options.opTimeoutMs ?? config.cache.opTimeoutMs, 1);',
      "  return { opTimeoutMs };",
      "}",
    ];
    expect(await findingLines("options.js", source.join("\n"))).toEqual([]);
  });

  it("leaves a reader whose setting is no timeout, or with two numbers after the name", async () => {
    const source = [
      "export const config = {",
      "  timeoutMs: envNum(env, ['BITBUCKET_PAGE_SIZE'], 30, { min: 0 }),",
      "  readTimeout: envRange('READ_TIMEOUT', 1, 60),",
      "};",
    ];
    expect(await findingLines("config.js", source.join("\n"))).toEqual([]);
  });

  // agentation-mcp's `integerEnv(name, fallback, min = 1, max)` (session 55, fresh269): the default, then its bounds.
  it("reports the default before the least and the most the setting may be", async () => {
    const source = [
      "const MAX_TIMER_MS = 2147483647;",
      "export const webhook = {",
      "  timeoutMs: integerEnv('AGENTATION_WEBHOOK_TIMEOUT_MS', 1e4, 1, MAX_TIMER_MS),",
      "  connectTimeoutMs: integerEnv('AGENTATION_CONNECT_TIMEOUT_MS', 5000, 0),",
      "  readTimeoutMs: integerEnv('AGENTATION_READ_TIMEOUT_MS', 100, 500),",
      "};",
    ];
    expect(await findingLines("config.js", source.join("\n"))).toEqual([
      "3: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });
});
