import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A unit factor on a constant that itself restates a named timeout (session 32, guard-jsfp32, `named-factors.ts`):
// state-switch's `RESET_TIMEOUT_SECONDS = TIMEOUT_SECONDS * 3` then `timeoutPromise(p, RESET_TIMEOUT_SECONDS * 1000)`.
// The duration is written once, at `TIMEOUT_SECONDS = 5` (reported there); the factors choose none of their own.

const serviceCtl = [
  "const { timeoutPromise } = require('gerror');",
  "const TIMEOUT_SECONDS = 5;",
  "const RESET_TIMEOUT_SECONDS = TIMEOUT_SECONDS * 3;",
  "exports.reset = async (p) => {",
  "  await timeoutPromise(p, TIMEOUT_SECONDS * 1000, () => new Error('stop'));",
  "  await timeoutPromise(p, RESET_TIMEOUT_SECONDS * 1000, () => new Error('reset'));",
  "  await timeoutPromise(p, 3 * TIMEOUT_SECONDS * 1000, () => new Error('start'));",
  "};",
].join("\n");

describe("a unit factor on a constant that restates a named timeout", () => {
  it("reports only the definition of the named duration, not its restated uses", async () => {
    expect(await packageFindings({ "lib/ctl.js": serviceCtl })).toEqual(["lib/ctl.js:2: no-hardcoded-timeout"]);
  });

  it("keeps the use reported when the flag-like constant holds its own literal", async () => {
    const own = serviceCtl.replace("TIMEOUT_SECONDS * 3;", "15;");
    expect(await packageFindings({ "lib/ctl.js": own })).toEqual([
      "lib/ctl.js:2: no-hardcoded-timeout",
      "lib/ctl.js:6: no-hardcoded-timeout",
    ]);
  });
});
