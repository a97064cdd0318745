// Suites and tests a file builds with mocha's own API (`new Suite(title, ctx)` imported from mocha,
// `MochaSuite.create(parent, title)` from `mocha/lib/suite.js`): their `timeout(ms)` is mocha's test timeout, and
// `suite.timeout(0)` runs every test in it without a limit. Known by where the object comes from, not by its name:
// built by mocha's API, or a parameter its documentation types as mocha's (`@param {Mocha.Suite} suite`, a runner's
// hook handed the root suite). So are a test kept in a local (`let test = it("invalid domain", fn); test.timeout(10000)`)
// and what a file's own wrapper of `it` returns (phantomjscloud's `function it2(fn) { return it(name, ...) }`, then
// `it2(fn).timeout(15000)`, fresh262).
import { calleePath, type EsNode, isNode, unwrap } from "./ast.ts";
import { MOCHA_TESTS } from "./timers.ts";

/** `@param {Mocha.Suite} suite`: a parameter documented as one of mocha's suites, tests or hooks. */
const DOCUMENTED_RUNNABLE = /@param\s*\{\s*Mocha\.(?:Suite|Test|Runnable|Hook)\s*\}\s*\[?([\w$]+)/g;

/** A callee that lives in mocha: its package or one of its files (`mocha.Suite`, `mocha/lib/suite.js.create`). */
const MOCHA_MODULE = /^mocha(\.|\/|$)/;

export class MochaRunnables {
  /** Locals holding a suite or test mocha's API built. */
  private readonly names = new Set<string>();

  /** `source`: the file's text, whose JSDoc may type a parameter as mocha's (`DOCUMENTED_RUNNABLE`). */
  constructor(source = "") {
    if (source.includes("Mocha.")) for (const match of source.matchAll(DOCUMENTED_RUNNABLE)) this.names.add(match[1]!);
  }

  /** Functions of the file that return a test they declare (`function it2(fn) { return it(name, ...) }`). */
  private readonly wrappers = new Set<string>();

  /**
   * `const suite = new Suite(...)`, `const suite = MochaSuite.create(parent, title)`, `let test = it(title, fn)`;
   * `module` resolves imports. `const it2 = (fn) => it(title, fn)`: a wrapper.
   */
  declarator(node: EsNode, module: (path: string) => string | undefined): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    if (id.type !== "Identifier") return;
    if (init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression") {
      if (returnsTest(init)) this.wrappers.add(id.name as string);
      return;
    }
    if (init?.type !== "NewExpression" && init?.type !== "CallExpression") return;
    const path = calleePath(init.callee as EsNode);
    if (
      path !== undefined &&
      (MOCHA_MODULE.test(module(path) ?? "") || (init.type === "CallExpression" && MOCHA_TESTS.test(path)))
    )
      this.names.add(id.name as string);
  }

  /** `function it2(fn) { return it(title, fn); }`: a wrapper that returns the test it declares. */
  functionDeclaration(name: string, node: EsNode): void {
    if (returnsTest(node)) this.wrappers.add(name);
  }

  /** Whether `name` holds a suite or test built with mocha's API. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Whether `call` declares a test through one of the file's wrappers (`it2(fn)`). */
  wrapped(call: EsNode): boolean {
    const callee = unwrap(call.callee as EsNode);
    return callee.type === "Identifier" && this.wrappers.has(callee.name as string);
  }
}

/** A function whose body's own statements return a test call (`return it(title, fn)`), or an arrow that is one. */
function returnsTest(fn: EsNode): boolean {
  const body = fn.body as EsNode;
  if (!isNode(body)) return false;
  if (body.type !== "BlockStatement") return isTestCall(unwrap(body));
  return (body.body as EsNode[]).some(
    (statement) =>
      statement.type === "ReturnStatement" && isNode(statement.argument) && isTestCall(unwrap(statement.argument)),
  );
}

function isTestCall(node: EsNode): boolean {
  return node.type === "CallExpression" && MOCHA_TESTS.test(calleePath(node.callee as EsNode) ?? "");
}
