// Code switched off by a literal condition: `false && allocCluster.test(...)`, `if (false) { ... }`,
// `if (0)`. It never runs, so nothing in it waits, test timeouts included. A skipped test (`it.skip`,
// `xit`) is not this: it is meant to run again, and its timeouts are the ones it will run with. A `??` after a value
// that is never null or undefined is dead the same way: pl-client's `parseInt(url.searchParams.get("request-timeout"))
// ?? 5e3` (fresh348) gives NaN for a missing parameter, never the 5e3.
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";
import { compiledNullish } from "./fallbacks.ts";

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

/** Calls that always return a number, string or boolean (`Number(undefined)` is NaN). */
const NEVER_NULLISH_CALLS =
  /^(?:(?:Number\.)?(?:parseInt|parseFloat)|Number|String|Boolean|isNaN|Math\.[a-z0-9]+|Date\.now)$/;

/** Whether `node` can never be null or undefined, whatever its inputs. */
function neverNullish(node: EsNode): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case "Literal":
      return value.value !== null;
    case "TemplateLiteral":
    case "BinaryExpression":
    case "UpdateExpression":
      return true;
    case "UnaryExpression":
      return value.operator !== "void";
    case "CallExpression": {
      const path = calleePath(value.callee as EsNode);
      return path !== undefined && NEVER_NULLISH_CALLS.test(path);
    }
    case "LogicalExpression":
      // `a ?? b`, `a || b`: b when a is not taken; `a ?? b` is also a when a is never nullish.
      return (
        (value.operator !== "&&" && neverNullish(value.right as EsNode)) ||
        (value.operator === "??" && neverNullish(value.left as EsNode))
      );
    default:
      return false;
  }
}

export class DeadCode {
  /** [start, end) of code that never runs. */
  private readonly ranges: [number, number][] = [];
  /** Function declarations: their name, where the name is written, and their [start, end). */
  private readonly functions: { name: string; at: number; range: [number, number] }[] = [];

  /** `false && test(...)`, `parseInt(s) ?? 5e3`: the right side never runs. */
  logical(node: EsNode): void {
    if (
      (node.operator === "&&" && neverTrue(node.left as EsNode)) ||
      (node.operator === "??" && neverNullish(node.left as EsNode))
    )
      this.ranges.push(span(node.right as EsNode));
  }

  /** A compiled `??` (`(_a = parseInt(s)) != null ? _a : 5e3`): its fallback never runs after such a value. */
  conditional(node: EsNode): void {
    const compiled = compiledNullish(node);
    if (compiled && neverNullish(compiled.value)) this.ranges.push(span(compiled.fallback));
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
