// CDK tests: a test file that builds constructs (`new sst.Function(stack, "Function", { timeout: 10 })`) and checks the
// CloudFormation template they synthesize (`hasResource("AWS::Lambda::Function", { Timeout: 10 })`,
// `Template.fromStack(stack).resourceCountIs(...)`). Nothing runs: the values are the test's inputs and expectations
// (@serverless-stack/resources' 41 construct tests, fresh108). Only the props of constructions given a scope and a
// string id, and the assertions' arguments, are set aside; a test's own timeout and anything else the file waits on
// stay judged.
import { type EsNode, span, unwrap } from "./ast.ts";
import { calleeName } from "./sleeps.ts";
import { TEST_FILE } from "./test-folders.ts";

/**
 * The template assertions and queries of `aws-cdk-lib/assertions` (`findResources(type, props)` answers the matching
 * resources a test then counts: aws-rfdk's tests, fresh403), `@aws-cdk/assert` and the helpers named after them.
 */
const TEMPLATE_ASSERTIONS =
  /^(hasResource|hasResourceProperties|hasResourceLike|countResources|countResourcesLike|resourceCountIs|resourcePropertiesCountIs|templateMatches|hasOutput|findResources|findOutputs|allResources|allResourcesProperties|toHaveResource|toHaveResourceLike|haveResource|haveResourceLike)$/;

/** Setters of the props a stack or app gives its later constructions (`setDefaultFunctionProps`, `addDefaultFunctionEnv`). */
const DEFAULT_PROPS = /^(set|add)Default\w*(Props|Env|Permissions|Layers)$/;

/** Collected during the one walk: the ranges a CDK test sets aside, kept only when the file is one. */
export class CdkTests {
  private readonly ranges: [number, number][] = [];
  private asserts = false;

  /** A call: a template assertion's arguments. */
  call(node: EsNode): void {
    const name = calleeName(node.callee as EsNode);
    if (name === undefined) return;
    // `stack.setDefaultFunctionProps({ timeout: 15 })` (SST): the props every later construction of the stack gets.
    const defaults = DEFAULT_PROPS.test(name);
    if (!defaults && !TEMPLATE_ASSERTIONS.test(name)) return;
    if (!defaults) this.asserts = true;
    for (const argument of node.arguments as EsNode[]) this.ranges.push(span(argument));
  }

  /** A construction given a scope and a string id (`new Function(stack, "Function", props)`): its props. */
  construction(node: EsNode): void {
    const args = node.arguments as EsNode[];
    if (args.length < 3) return;
    const id = unwrap(args[1]!);
    if (!((id.type === "Literal" && typeof id.value === "string") || id.type === "TemplateLiteral")) return;
    for (const argument of args.slice(2)) this.ranges.push(span(argument));
  }

  /** The ranges to set aside: none unless `path` is a test file that asserts on a template. */
  setAside(path: string | undefined): [number, number][] {
    return this.asserts && path !== undefined && TEST_FILE.test(path) ? this.ranges : [];
  }
}
