// JS `no-hardcoded-timeout`, session 63 (issue 9), from blind set fresh403 (aws-rfdk): a CDK test's template query
// (`Template.fromStack(stack).findResources(type, props)`, whose matches the test then counts) holds the test's
// expectations, as `hasResourceProperties` does: nothing runs. A timeout the test itself waits with stays reported.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const aws_cdk_lib_1 = require("aws-cdk-lib");
const assertions_1 = require("aws-cdk-lib/assertions");
const log_group_factory_1 = require("../lib/log-group-factory");
describe("log group", () => {
  test("created correctly with defaults", async () => {
    const stack = new aws_cdk_lib_1.Stack();
    log_group_factory_1.LogGroupFactory.createOrFetch(stack, "TestId", "testLogGroup");
    expect(
      Object.keys(
        assertions_1.Template.fromStack(stack).findResources("AWS::Lambda::Function", {
          Properties: { Timeout: 30 },
        }),
      ).length,
    ).toEqual(1);
    await waitForDeployment(stack, { timeout: 60000 }); // expect: no-hardcoded-timeout
  });
});
