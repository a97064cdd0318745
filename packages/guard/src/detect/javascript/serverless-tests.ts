// Serverless Framework plugin tests: a test file that sets the service the plugin compiles
// (`serverlessStepFunctions.serverless.service.stepFunctions = { stateMachines: { ... TimeoutSeconds: 60 } }`,
// `sls.serverless.service.functions = { hello: helloLambda }`) and checks the CloudFormation it generates. Nothing
// runs: the service's timeouts are the test's input (serverless-step-functions, fresh327; serverless-leo, fresh317),
// as a CDK test's construct props are (`cdk-tests.ts`). Only what is assigned into the service, and the local objects
// handed there by name, are set aside; a test's own timeout and anything else the file waits on stay judged.
import { calleePath, type EsNode, isNode, span, unwrap } from "./ast.ts";
import { TEST_FILE } from "./test-folders.ts";

/** A member chain into a Serverless service: `serverless.service.functions`, `this.serverless.service.custom`. */
const SERVICE = /(?:^|\.)serverless\.service(?:\.|$)/;

/** Collected during the one walk: what a Serverless plugin test assigns into the service, kept for a test file. */
export class ServerlessTests {
  private readonly ranges: [number, number][] = [];
  /** Local objects by name (`const helloNodeWorldLambda = { handler, timeout: 10 }`), and the names handed in. */
  private readonly objects = new Map<string, EsNode[]>();
  private readonly handed = new Set<string>();

  /** `const helloLambda = { ... }`: a local object a later assignment may hand to the service. */
  declarator(name: string, init: unknown): void {
    const value = isNode(init) ? unwrap(init) : undefined;
    if (value?.type === "ObjectExpression") this.objects.set(name, [...(this.objects.get(name) ?? []), value]);
  }

  /** `x.serverless.service.y = value`: the value, and the local objects it names. */
  assignment(node: EsNode): void {
    if (node.operator !== "=" || !SERVICE.test(calleePath(unwrap(node.left as EsNode)) ?? "")) return;
    const value = unwrap(node.right as EsNode);
    this.ranges.push(span(value));
    const named =
      value.type === "Identifier" ? [value] : value.type === "ObjectExpression" ? propertyValues(value) : [];
    for (const name of named) if (name.type === "Identifier") this.handed.add(name.name as string);
  }

  /** The ranges to set aside: none unless `path` is a test file. */
  setAside(path: string | undefined): [number, number][] {
    if (path === undefined || !TEST_FILE.test(path)) return [];
    const handed = [...this.handed].flatMap((name) => this.objects.get(name) ?? []);
    return [...this.ranges, ...handed.map((object) => span(object))];
  }
}

/** The values of an object literal's properties (`{ hello: helloLambda }` → `helloLambda`). */
function propertyValues(object: EsNode): EsNode[] {
  return (object.properties as EsNode[])
    .filter((property) => property.type === "Property")
    .map((property) => unwrap(property.value as EsNode));
}
