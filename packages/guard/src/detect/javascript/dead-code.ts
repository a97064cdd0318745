// Code switched off by a literal condition: `false && allocCluster.test(...)`, `if (false) { ... }`,
// `if (0)`. It never runs, so nothing in it waits, test timeouts included. A skipped test (`it.skip`,
// `xit`) is not this: it is meant to run again, and its timeouts are the ones it will run with.
import { type EsNode, span, unwrap } from "./ast.ts";

/** `false`, `0`, `!1` (a minifier's false): a condition that is never true. */
function neverTrue(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Literal") return value.value === false || value.value === 0;
  return (
    value.type === "UnaryExpression" &&
    value.operator === "!" &&
    unwrap(value.argument as EsNode).type === "Literal" &&
    Boolean(unwrap(value.argument as EsNode).value)
  );
}

export class DeadCode {
  /** [start, end) of code that never runs. */
  private readonly ranges: [number, number][] = [];
  /** Function declarations: their name, where the name is written, and their [start, end). */
  private readonly functions: { name: string; at: number; range: [number, number] }[] = [];

  /** `false && test(...)`: the right side never runs. */
  logical(node: EsNode): void {
    if (node.operator === "&&" && neverTrue(node.left as EsNode)) this.ranges.push(span(node.right as EsNode));
  }

  /** `if (false) { ... }`: the consequent never runs (its `else` does). */
  ifStatement(node: EsNode): void {
    if (neverTrue(node.test as EsNode)) this.ranges.push(span(node.consequent as EsNode));
  }

  /** `function setupServiceClient(...) {...}`: dead too if only switched-off code names it. */
  functionDeclaration(node: EsNode): void {
    const id = node.id as EsNode;
    this.functions.push({ name: id.name as string, at: span(id)[0], range: span(node) });
  }

  /** Adds the functions every mention of which (calls, callbacks, exports) is in code that never runs. */
  finish(source: string): void {
    if (this.ranges.length === 0 || this.functions.length === 0) return;
    // One pass over the source for every name at once (a bundle holds thousands of functions).
    const mentions = new Map<string, number[]>(this.functions.map(({ name }) => [name, []]));
    for (const match of source.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) mentions.get(match[0])?.push(match.index);
    for (const { name, at, range } of this.functions) {
      const uses = mentions.get(name)!.filter((index) => index !== at);
      if (uses.length > 0 && uses.every((index) => this.has(index))) this.ranges.push(range);
    }
  }

  /** Whether the code at `at` never runs. */
  has(at: number): boolean {
    return this.ranges.some(([from, to]) => from <= at && at < to);
  }
}
