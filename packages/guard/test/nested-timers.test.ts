import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";

const config = defaultGuardConfig(import.meta.dirname);

// Generated code nests timers in each other's callbacks. Each timer is judged by its own statements: the abort in
// the innermost callback makes that timer a deadline, not the 300 timers whose callbacks merely contain it.
describe("timers nested in timers' callbacks", () => {
  it("300 levels: only the innermost timer, which aborts, is a deadline", async () => {
    let body = "\nsetTimeout(() => controller.abort(), 5000);\n";
    for (let i = 0; i < 300; i++) body = `setTimeout(function () { step${i}(); ${body} }, ${i + 1});`;
    const result = await checkSource("nested.js", `const controller = new AbortController();\n${body}\n`, config);
    expect(result.messages.map((m) => `${m.line}: ${m.ruleId}`)).toEqual(["3: no-hardcoded-timeout"]);
  });
});
