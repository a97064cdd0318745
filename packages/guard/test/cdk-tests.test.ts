import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A CDK test builds constructs and checks the template they synthesize; nothing runs (@serverless-stack/resources,
// fresh108). Its test's own timeout stays reported, and so does the same construct in the stack the app deploys.

const construct = [
  'import { Function } from "../src";',
  'import { Stack } from "aws-cdk-lib";',
  "export function build(stack) {",
  '  return new Function(stack, "Function", { handler: "test/lambda.handler", timeout: 10 });',
  "}",
];

describe("CDK tests", () => {
  it("sets aside a test's construct props and template expectations, keeps its test timeout", async () => {
    const test = [
      ...construct,
      'import { test } from "vitest";',
      'import { hasResource } from "./helper";',
      'test("timeout", async () => {',
      "  const stack = new Stack();",
      "  stack.setDefaultFunctionProps({ timeout: 15 });",
      "  build(stack);",
      '  hasResource(stack, "AWS::Lambda::Function", { Timeout: 10 });',
      "}, 30000);",
    ].join("\n");
    expect(await packageFindings({ "test/Function.test.ts": test })).toEqual([
      "test/Function.test.ts:13: no-hardcoded-timeout",
    ]);
  });

  it("keeps the construct's timeout in the app's own stack", async () => {
    expect(await packageFindings({ "stacks/Api.ts": construct.join("\n") })).toEqual([
      "stacks/Api.ts:4: no-hardcoded-timeout",
    ]);
  });
});
