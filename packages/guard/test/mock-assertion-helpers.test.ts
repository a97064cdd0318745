import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A test's own assertion helper over a mock's calls (session 40, issue 9): @serverless/aws-cloudfront's
// `assertHasOrigin(mockCreateDistribution, { CustomOriginConfig: { OriginReadTimeout: 30 } })` (fresh109's 4 false).
// The object is what the mocked SDK call is expected to have been given; nothing waits on it.
describe("expectations handed to a test's own assertion helper", () => {
  const test = (call: string) =>
    [
      'const { createComponent, assertHasOrigin } = require("../test-utils");',
      'const { mockCreateDistribution } = require("aws-sdk");',
      "",
      'it("creates the distribution", async () => {',
      "  const component = await createComponent();",
      "  await component.default({ origins: ['https://origin.example.test'] });",
      `  ${call}(mockCreateDistribution, {`,
      "    CustomOriginConfig: { OriginReadTimeout: 30, OriginKeepaliveTimeout: 5 },",
      "  });",
      "});",
    ].join("\n");

  it("reports no timeout in what the helper expects a mock to have been called with", async () => {
    expect(await findingLines("__tests__/origin.test.js", test("assertHasOrigin"))).toEqual([]);
    expect(await findingLines("__tests__/origin.test.js", test("expectCalledWithOrigin"))).toEqual([]);
  });

  it("still reports the same object handed to a helper whose first argument is no mock", async () => {
    const real = test("assertHasOrigin").replace("(mockCreateDistribution,", "(distributionClient,");
    expect(await findingLines("__tests__/origin.test.js", real)).toEqual([
      "8: no-hardcoded-timeout",
      "8: no-hardcoded-timeout",
    ]);
  });
});
