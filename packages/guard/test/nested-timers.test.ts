import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Generated code nests timers in each other's callbacks. Each timer is judged by its own statements: the abort in
// the innermost callback makes that timer a deadline, not the 300 timers whose callbacks merely contain it.
describe("timers nested in timers' callbacks", () => {
  it("300 levels: only the innermost timer, which aborts, is a deadline", async () => {
    let body = "\nsetTimeout(() => controller.abort(), 5000);\n";
    for (let i = 0; i < 300; i++) body = `setTimeout(function () { step${i}(); ${body} }, ${i + 1});`;
    expect(await findingLines("nested.js", `const controller = new AbortController();\n${body}\n`)).toEqual([
      "3: no-hardcoded-timeout",
    ]);
  });
});

// review16 item 10: the helper whose parameter a deadline timer is armed with is found however many functions it
// nests before the timer (the owner search used to give up after 64).
describe("a timeout helper with many functions before its timer", () => {
  it("100 inner functions with parameters before the timer: the helper's literal argument is reported", async () => {
    const inner = Array.from({ length: 100 }, (_, i) => `  const f${i} = function (x${i}) { return x${i}; };`);
    const source = [
      "function onceTimeout(ms, emitter, event, handler) {",
      ...inner,
      '  setTimeout(() => handler(new Error("Request timed out")), ms);',
      "  emitter.once(event, handler);",
      "}",
      'onceTimeout(10000, client, "ready", done);',
      "",
    ].join("\n");
    expect(await findingLines("helpers.js", source)).toEqual(["105: no-hardcoded-timeout"]);
  });
});
