// Suites and tests a file builds with mocha's own API (`new Suite(title, ctx)` imported from mocha,
// `MochaSuite.create(parent, title)` from `mocha/lib/suite.js`): their `timeout(ms)` is mocha's test timeout, and
// `suite.timeout(0)` runs every test in it without a limit. Known by where the object comes from, not by its name:
// built by mocha's API, or a parameter its documentation types as mocha's (`@param {Mocha.Suite} suite`, a runner's
// hook handed the root suite).
import { calleePath, type EsNode, isNode, unwrap } from "./ast.ts";

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

  /** `const suite = new Suite(...)`, `const suite = MochaSuite.create(parent, title)`; `module` resolves imports. */
  declarator(node: EsNode, module: (path: string) => string | undefined): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    if (id.type !== "Identifier" || (init?.type !== "NewExpression" && init?.type !== "CallExpression")) return;
    const path = calleePath(init.callee as EsNode);
    if (path !== undefined && MOCHA_MODULE.test(module(path) ?? "")) this.names.add(id.name as string);
  }

  /** Whether `name` holds a suite or test built with mocha's API. */
  has(name: string): boolean {
    return this.names.has(name);
  }
}
