import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Tests whose HTTP transport is a double (session 40, issue 9): zerobounce's `jest.spyOn(global, "fetch")` then
// `validateEmail(email, { timeout: 10 })` (fresh112), lib-http's `vi.mock("ky")` then `new Ky({ timeout: 5000 })`
// (fresh113), octokit's `request("GET /", { request: { timeout: 100, fetch: mock } })` (fresh109).
describe("timeouts handed to code under test when the transport is a double", () => {
  const test = (setup: string, call = "await sdk.validateEmail(email, { timeout: 10 });") =>
    [
      'import { ZeroBounceSDK } from "../src/zero-bounce.js";',
      setup,
      'it("passes the timeout on", async () => {',
      "  const sdk = new ZeroBounceSDK();",
      `  ${call}`,
      "  await waitFor(() => expect(done).toBe(true), { timeout: 3000 });",
      "}, 10000);",
    ].join("\n");

  it("reports neither the options of a call nor of a construction, but still the test's own timeouts", async () => {
    for (const setup of [
      'jest.spyOn(global, "fetch").mockImplementation(() => Promise.resolve({ json: () => ({}) }));',
      'vi.mock("ky", async () => ({ default: { create: vi.fn() } }));',
      "global.fetch = jest.fn();",
      "const mockFetch = vi.fn();\nglobal.fetch = mockFetch;",
      'vi.stubGlobal("fetch", vi.fn());',
    ]) {
      const shift = setup.split("\n").length - 1;
      const own = [`${6 + shift}: no-hardcoded-timeout`, `${7 + shift}: no-hardcoded-timeout`];
      expect(await findingLines("tests/zero-bounce.test.js", test(setup))).toEqual(own);
      expect(
        await findingLines("tests/zero-bounce.test.js", test(setup, "const client = new Ky({ timeout: 5000 });")),
      ).toEqual(own);
    }
  });

  it("reports no timeout beside a fetch double in the same options", async () => {
    const call = 'await request("GET /", { request: { timeout: 100, fetch: mock } });';
    expect(
      await findingLines("test/request.test.js", test("const mock = () => Promise.reject(new Error());", call)),
    ).toEqual(["6: no-hardcoded-timeout", "7: no-hardcoded-timeout"]);
  });

  it("still reports a timeout the test expects to fire against the double (storyblok, pushpad)", async () => {
    const setup = "global.fetch = jest.fn(() => new Promise((resolve) => setTimeout(resolve, 5000)));";
    const call = 'await expect(client.get("cdn/stories", { timeout: 1 })).rejects.toThrow("Request timeout");';
    expect(await findingLines("src/index.test.ts", test(setup, call))).toContain("5: no-hardcoded-timeout");
  });

  it("still reports them when the test only puts the real fetch back (a name that is no double)", async () => {
    const setup = "const originalFetch = global.fetch;\nafterAll(() => { global.fetch = originalFetch; });";
    expect(await findingLines("tests/zero-bounce.test.js", test(setup))).toContain("6: no-hardcoded-timeout");
  });

  it("still reports them in a test whose transport is real, and outside tests", async () => {
    const setup = 'const server = require("http").createServer();';
    expect(await findingLines("tests/zero-bounce.test.js", test(setup))).toEqual([
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
      "7: no-hardcoded-timeout",
    ]);
    const spied = test('jest.spyOn(global, "fetch");');
    expect(await findingLines("src/zero-bounce-client.js", spied)).toContain("5: no-hardcoded-timeout");
  });
});
