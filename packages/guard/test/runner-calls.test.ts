import { describe, expect, it } from "vitest";
import { callsTestRunner } from "../src/detect/runner-calls.ts";

describe("a file that calls a test runner with a title", () => {
  it("is one that calls it, or tap's t.test, Playwright's test.describe, Deno.test", () => {
    for (const source of ['it("works", fn)', "describe(`suite`, fn)", '  test("a", fn)', 't.test("a", fn)'])
      expect([source, callsTestRunner(source)]).toEqual([source, true]);
    for (const source of ['tap.test("a", fn)', 'test.describe("a", fn)', 'Deno.test("a", fn)', ';t.test("a")'])
      expect([source, callsTestRunner(source)]).toEqual([source, true]);
  });

  it("is not one whose only such call is another object's method (zod's describe, a regex's test)", () => {
    const methods = [
      'z.string().describe("REQUIRED: a hex color")',
      '/^a/.test("abc")',
      'foo.it("a")',
      'x.t.test("a")',
    ];
    for (const source of methods) expect([source, callsTestRunner(source)]).toEqual([source, false]);
    expect(callsTestRunner('z.string().describe("x");\nit("runs", fn)')).toBe(true);
  });
});
