import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 26 (guard-js26b): a timeout constant whose only read is thrown away (a comma expression's element before
// the last: winston-opentelemetry's `(FORCE_FLUSH_TIMEOUT_MILLIS, callWithTimeout)(...)`) bounds nothing; one read
// anywhere else, or exported, stays reported. And TypeScript's CommonJS call of p-timeout's default export
// (`(0, p_timeout_1.default)(signal, 100)`) is p-timeout's bound, as the `.ts` form `pTimeout(signal, 100)` is.

describe("constants read only where the value is discarded", () => {
  it("releases a constant read only in a comma expression, keeps one passed on, exported or compared", async () => {
    const source = [
      'const { callWithTimeout } = require("@opentelemetry/core");',
      "const FORCE_FLUSH_TIMEOUT_MILLIS = 30000;",
      "const SHUTDOWN_TIMEOUT_MILLIS = 30000;",
      "const IDLE_TIMEOUT_MS = 30 * 1000;",
      "class Processor {",
      "  async forceFlush() {",
      "    const timeout = this.forceFlushTimeoutMillis;",
      "    await Promise.all(this.processors.map((p) => (FORCE_FLUSH_TIMEOUT_MILLIS, callWithTimeout)(p.forceFlush(), timeout)));",
      "  }",
      "  async shutdown() {",
      "    await (IDLE_TIMEOUT_MS, callWithTimeout)(this.close(), SHUTDOWN_TIMEOUT_MILLIS);",
      "    return IDLE_TIMEOUT_MS;",
      "  }",
      "}",
      "exports.Processor = Processor;",
    ].join("\n");
    expect(await findingLines("lib/processor.js", source)).toEqual([
      "3: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });
});

describe("a module's default export called the CommonJS way", () => {
  it("reports (0, p_timeout_1.default)(signal, 100) as pTimeout(signal, 100) is", async () => {
    const compiled = [
      '"use strict";',
      'const tslib_1 = require("tslib");',
      'const p_timeout_1 = tslib_1.__importDefault(require("p-timeout"));',
      'const other_1 = tslib_1.__importDefault(require("./other"));',
      'describe("signal", () => {',
      '  it("waits", async () => {',
      "    await expect((0, p_timeout_1.default)(signal, 100)).rejects.toThrow(p_timeout_1.default.TimeoutError);",
      "    await (0, other_1.default)(signal, 100);",
      "  });",
      "});",
    ].join("\n");
    expect(await findingLines("spec/utils.spec.js", compiled)).toEqual(["7: no-hardcoded-timeout"]);
    const typed = [
      'import pTimeout from "p-timeout";',
      'it("waits", async () => {',
      "  await expect(pTimeout(signal, 100)).rejects.toThrow(pTimeout.TimeoutError);",
      "});",
    ].join("\n");
    expect(await findingLines("spec/utils.spec.ts", typed)).toEqual(["3: no-hardcoded-timeout"]);
  });
});
