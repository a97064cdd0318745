import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 61 (issue 9), from blind set fresh368: http-bat's suite runner builds its mocha timeout as a sum that
// starts at 0 (`this.calculatedTimeout = 0`) and adds each part, a part falling back to 0 adding nothing; its mocha
// adapter hands the sum to `this.timeout(...)`, where a 0 would mean no limit.

const runner = [
  "class SuiteRunner {",
  "  constructor(suite) {",
  "    this.calculatedTimeout = 0;",
  "    this.calculatedTimeout += suite.delay;",
  "    this.calculatedTimeout += suite.test.timeout || suite.options.baseTimeout || 0;",
  "    this.calculatedTimeout += 100;",
  "  }",
  "}",
  "module.exports = { SuiteRunner };",
].join("\n");
const adapter = [
  "function runSuite(suite) {",
  "  const timeout = suite.calculatedTimeout;",
  "  it('runs', function (done) {",
  "    this.timeout(timeout);",
  "    suite.request.then(() => done(), done);",
  "  });",
  "}",
  "module.exports = { runSuite };",
].join("\n");

describe("a timeout built up as a sum", () => {
  it("reports the parts the sum adds of its own, not the 0 it starts from or a part's fallback 0", async () => {
    expect(await packageFindings({ "lib/runner.js": runner, "adapters/mocha.js": adapter })).toEqual([
      "lib/runner.js:6: no-hardcoded-timeout",
    ]);
  });

  it("reports the 0 as no limit when nothing adds to it", async () => {
    const reset = runner.replace(/ {4}this\.calculatedTimeout \+= .*\n/g, "");
    expect(await packageFindings({ "lib/runner.js": reset, "adapters/mocha.js": adapter })).toEqual([
      "lib/runner.js:3: no-unbounded-timeout",
    ]);
  });
});
