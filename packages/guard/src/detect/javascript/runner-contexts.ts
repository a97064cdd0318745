// The object a test runner hands each test function a file exports to it (nodeunit's and pixl-unit's `test`):
// `module.exports = { tests: [ function testX(test) { test.timeout(200); ...; test.done(); } ] }`. The runner calls
// the exported function with its context, whose `timeout(ms)` sets that test's own timeout. Known by where the
// object comes from (the first parameter of a function the module exports, so the runner is its caller) and by the
// context's completion call `test.done()` in the same function, not by the parameter's name: an exported helper
// whose parameter is a request builder (`function (req) { req.timeout(5000) }`) calls no `done()` on it.
import { type EsNode, isFunction, span, unwrap } from "./ast.ts";

/** `module.exports`, `exports.name`, `module.exports.name`: what the module hands its loader. */
const EXPORTS = /^(module\.exports|exports)(\.[\w$]+)?$|^module\.exports\.[\w$]+$/;

/** Tables of tests nest shallowly (`{ tests: [fn] }`, `{ group: { test: fn } }`); deeper values are data. */
const MAX_NESTING = 4;

export class RunnerContexts {
  /** The first parameter of each exported test function that completes through it, with the function's [start, end). */
  private readonly contexts: { name: string; from: number; to: number }[] = [];

  /** `module.exports = {...}`, `exports.testX = function (test) {...}`; `text` is the source of a node. */
  assignment(node: EsNode, path: string | undefined, text: (node: EsNode) => string): void {
    if (node.operator !== "=" || path === undefined || !EXPORTS.test(path)) return;
    this.collect(node.right as EsNode, text, 0);
  }

  /** `export default { tests: [...] }`. */
  exportDefault(node: EsNode, text: (node: EsNode) => string): void {
    this.collect(node.declaration as EsNode, text, 0);
  }

  /** Whether `name`, used at `at`, is the context a runner handed an exported test function. */
  has(name: string, at: number): boolean {
    return this.contexts.some((context) => context.name === name && context.from <= at && at < context.to);
  }

  private collect(raw: EsNode | null | undefined, text: (node: EsNode) => string, depth: number): void {
    if (!raw || depth > MAX_NESTING) return;
    const value = unwrap(raw);
    if (isFunction(value)) {
      const first = (value.params as EsNode[] | undefined)?.[0];
      if (first?.type !== "Identifier") return;
      const name = first.name as string;
      const completes = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\s*\\.\\s*done\\s*\\(`);
      if (!completes.test(text(value.body as EsNode))) return;
      const [from, to] = span(value);
      this.contexts.push({ name, from, to });
      return;
    }
    if (value.type === "ArrayExpression")
      for (const element of value.elements as (EsNode | null)[]) this.collect(element, text, depth + 1);
    if (value.type === "ObjectExpression")
      for (const property of value.properties as EsNode[])
        if (property.type === "Property") this.collect(property.value as EsNode, text, depth + 1);
  }
}
