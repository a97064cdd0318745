// A file's own fallback helpers: functions that hand one parameter back untouched when another is unset or unusable,
// however they test it: `defaultIfUndefined(v, d)`, `(v, d) => v ?? d`, `positiveIntOr(raw, fallback)` that parses
// `raw` first and returns `fallback` unless the number is positive, `integerAtLeast(value, fallback, min)` that
// returns `fallback` when `value` is not finite. A call of one under a timeout's name gives the timeout's default,
// whatever the helper is called.
import { type EsNode, FUNCTION_TYPES, identifierCount, isNode, MAX_DEPTH, referenceName, span, unwrap } from "./ast.ts";

// Helpers are a few lines; a body past this many characters is not read. The body's text is counted for every
// function that hands a parameter back, and a nested function's body holds every deeper one: unbounded, 16,000
// nested helpers took 95 s (review18 item 5).
const MAX_BODY = 4096;

/** The file's fallback helpers by name, with the positions of the value tested and of its fallback. */
export class FallbackHelpers {
  private readonly helpers = new Map<string, { subject: number; fallback: number }>();

  constructor(private readonly text: (node: EsNode) => string) {}

  /**
   * `function f(a, b) { ... }` or `const f = (a, b) => ...`. The fallback is a parameter the body only ever returns
   * as it is (a whole return value, an arm of a returned conditional, the right of a returned `||`/`??`): a body that
   * tests or computes with it (a cap, `t > max ? max : t`) does not give a default. The value tested is the first
   * other parameter the body's text mentions, and some return must hand back something other than the fallback.
   * Mentions are counted in the text (`identifierCount`): a word in a string, a comment or an object key counts too.
   */
  definition(name: string, value: unknown): void {
    if (!isNode(value)) return;
    const fn = unwrap(value);
    if (!FUNCTION_TYPES.has(fn.type)) return;
    const params = (fn.params as EsNode[]).map((p) => (p.type === "Identifier" ? (p.name as string) : undefined));
    const body = fn.body as EsNode;
    const [start, end] = span(body);
    if (end - start > MAX_BODY) return;
    const opaque: EsNode[] = [];
    const returned = body.type === "BlockStatement" ? returnedValues(body.body as EsNode[], opaque) : [unwrap(body)];
    if (!returned || returned.length === 0) return;
    const handed = returned.flatMap(bareArms);
    // Text is read only for a function that hands a parameter back as it is (most do not): this runs on every one.
    if (!params.some((p) => p !== undefined && handed.includes(p))) return;
    if (opaque.some((statement) => identifierCount(this.text(statement), "return") > 0)) return;
    const bodyText = this.text(body);
    const fallback = params.findIndex((p) => {
      const bare = handed.filter((name) => name === p).length;
      return p !== undefined && bare > 0 && identifierCount(bodyText, p) === bare;
    });
    if (fallback < 0 || returned.every((r) => referenceName(r) === params[fallback])) return;
    const subject = params.findIndex((p, i) => p !== undefined && i !== fallback && identifierCount(bodyText, p) > 0);
    if (subject >= 0) this.helpers.set(name, { subject, fallback });
  }

  /** In `defaultIfUndefined(opts.checkerTimeoutMs, 20000)`, the fallback, if the value tested is a timeout's. */
  fallbackOf(
    call: EsNode,
    isTimeout: (name: string | undefined) => boolean,
    evaluate: (node: EsNode) => number | undefined,
  ): EsNode | undefined {
    const callee = unwrap(call.callee as EsNode);
    if (callee.type !== "Identifier") return undefined;
    const helper = this.helpers.get(callee.name as string);
    const args = call.arguments as EsNode[];
    const subject = helper && args[helper.subject];
    const fallback = helper && args[helper.fallback];
    if (!subject || !fallback || !isTimeout(referenceName(unwrap(subject)))) return undefined;
    const value = evaluate(fallback);
    return value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY ? fallback : undefined;
  }
}

// The parameters a returned value hands back as they are: the value itself, a conditional's arms, the right of a
// fallback operator.
function bareArms(node: EsNode, depth = 0): string[] {
  const value = unwrap(node);
  if (depth > MAX_DEPTH) return [];
  if (value.type === "Identifier") return [value.name as string];
  if (value.type === "ConditionalExpression")
    return [...bareArms(value.consequent as EsNode, depth + 1), ...bareArms(value.alternate as EsNode, depth + 1)];
  if (value.type === "LogicalExpression" && value.operator !== "&&") return bareArms(value.right as EsNode, depth + 1);
  return [];
}

/**
 * What a block's `return`s hand back, through nested blocks and `if`s; undefined when a bare `return;` gives
 * undefined, and past `MAX_DEPTH` (generated code). Statements of other kinds go to `opaque`: a loop, a `switch` or a
 * `try` may hold a return this does not see, so the caller refuses a helper whose opaque statements mention one.
 */
function returnedValues(
  statements: readonly EsNode[],
  opaque: EsNode[],
  out: EsNode[] = [],
  depth = 0,
): EsNode[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const statement of statements) {
    if (statement.type === "ReturnStatement") {
      if (!isNode(statement.argument)) return undefined;
      out.push(unwrap(statement.argument));
    } else if (statement.type === "BlockStatement") {
      if (!returnedValues(statement.body as EsNode[], opaque, out, depth + 1)) return undefined;
    } else if (statement.type === "IfStatement") {
      const arms = [statement.consequent, statement.alternate].filter(isNode);
      if (!returnedValues(arms, opaque, out, depth + 1)) return undefined;
    } else opaque.push(statement);
  }
  return out;
}
