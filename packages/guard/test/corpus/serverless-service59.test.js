// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind sets fresh327 (serverless-step-functions) and fresh317
// (serverless-leo): a Serverless Framework plugin test sets the service the plugin compiles, directly or through a
// local object handed to it, and checks the CloudFormation it generates: nothing runs, the service's timeouts are the
// test's input. The test's own timeout stays reported.
const expect = require("chai").expect;

const helloLambda = {
  handler: "hello.handler",
  memorySize: 128,
  timeout: 10,
};

describe("#compileStateMachines()", function () {
  this.timeout(20000); // expect: no-hardcoded-timeout

  it("should pass timeoutInMillis from the http event", () => {
    serverlessStepFunctions.serverless.service.stepFunctions = {
      stateMachines: {
        first: {
          events: [{ http: { method: "POST", path: "/foo/bar", timeoutInMillis: 10000 } }],
          definition: { StartAt: "One", States: { One: { Type: "Task", TimeoutSeconds: 60, End: true } } },
        },
      },
    };
    serverlessStepFunctions.compileStateMachines();
    expect(serverlessStepFunctions.serverless.service.provider.compiledCloudFormationTemplate).to.be.an("object");
  });

  it("registers the lambda", () => {
    sls.serverless.service.functions.hello = helloLambda;
    expect(sls.serverless.service.functions.hello.timeout).to.equal(10);
  });
});
