// `this.timeout(65000)` inside an arrow test of a `describe("...", function () { ... })`: an arrow function has no
// `this` of its own, so there `this` is the suite, and the call sets the suite's timeout while the test runs. Mocha
// copies a suite's timeout onto each test and hook as it is declared (`Suite#addTest`: `test.timeout(this.timeout())`),
// and every declaration is over before the first test runs, so the call bounds no test or hook at all
// (apigee-edge-js's `it("...", (done) => { this.timeout(65000); ... })`, mysql-wait's `this.timeout(200)`, session 62's
// sets). Known by the functions around the call, not by names: the innermost `function` around it is a suite's
// callback, and an arrow given to a test or a hook lies between the two.
import { calleePath, type EsNode, memberName, span } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** Calls that declare a suite: the `function` they are given is run once, with the suite as its `this`. */
const SUITE_CALLS = /^(describe|context|suite)(\.(only|skip))?$/;

/** Calls that declare a test or a hook, whose callback runs later, when the tests run. */
const RUN_LATER_CALLS =
  /^(it|test|specify|before|after|beforeEach|afterEach|beforeAll|afterAll|suiteSetup|suiteTeardown|setup|teardown)(\.(only|skip))?$/;

/** Collected during the one walk, which visits a call before the functions inside it. */
export class SuiteThis {
  /** [start, end) of every `function` (not an arrow) so far, in document order. */
  private readonly functions: [number, number][] = [];
  /** Starts of the `function`s given to a suite call. */
  private readonly suites = new Set<number>();
  /** [start, end) of the arrows given to a test or a hook, in document order. */
  private readonly lateArrows: [number, number][] = [];

  /** A `function` declaration or expression (a method's value included). */
  function(node: EsNode): void {
    if (node.type !== "ArrowFunctionExpression") this.functions.push(span(node));
  }

  /**
   * A call: a suite's or a test's declaration is noted; whether the call is a `this.timeout(ms)` whose `this` is a
   * suite and which runs only once the tests run (its value bounds nothing).
   */
  setsSuiteLate(node: EsNode): boolean {
    const callee = node.callee as EsNode;
    const args = node.arguments as EsNode[];
    if (callee.type === "MemberExpression" && (callee.object as EsNode).type === "ThisExpression")
      return args.length === 1 && memberName(callee) === "timeout" && this.runsLaterInSuite(span(node)[0]);
    const callback = args.find((arg) => arg.type === "FunctionExpression" || arg.type === "ArrowFunctionExpression");
    if (callback === undefined) return false;
    const path = calleePath(callee) ?? "";
    if (callback.type === "FunctionExpression" && SUITE_CALLS.test(path)) this.suites.add(span(callback)[0]);
    else if (callback.type === "ArrowFunctionExpression" && RUN_LATER_CALLS.test(path))
      this.lateArrows.push(span(callback));
    return false;
  }

  /** Whether the innermost `function` around `at` is a suite's, with a test's or a hook's arrow between the two. */
  private runsLaterInSuite(at: number): boolean {
    const own = innermostFunction(this.functions, at);
    if (own === undefined || !this.suites.has(own[0])) return false;
    const arrow = innermostFunction(this.lateArrows, at);
    return arrow !== undefined && arrow[0] > own[0];
  }
}
