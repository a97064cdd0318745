// Conditional fallbacks: `x.timeout == null ? 20000 : x.timeout`, `program.timeout ? program.timeout : 30`,
// `("k" in config ? config.k : 5) * 1000`, and a file's own helper whose body is one (`defaultIfUndefined(v, d)`).
// Whatever the test is spelled as, the literal arm is the value used when the tested setting is unset: its default.
import { calleePath, type EsNode, isNode, isNullish, referenceName, unwrap } from "./ast.ts";

/** The parts of a conditional fallback: the value tested, the arm taken when it is set, the arm taken when not. */
export interface ConditionalFallback {
  /** The reference tested (`x.timeout`; for `"k" in o`, the test itself). */
  reference: EsNode;
  /** The name of the setting tested (`timeout`, `k`). */
  name: string;
  /** The arm taken when the setting is set; it must read the setting (`x.timeout`, `x.timeout * 1000`). */
  set: EsNode;
  /** The arm taken when the setting is unset: the fallback. */
  unset: EsNode;
}

/** What a test says about a setting: its reference, its name, and whether the test is true when it is set. */
interface Tested {
  reference: EsNode;
  name: string;
  /** The text the arm taken when set must contain (the reference, or `.k`/`["k"]` for an `in` test). */
  reads: (text: string) => boolean;
  set: boolean;
}

/**
 * The fallback of `test ? a : b` when `test` asks whether a setting is set: `x == null`, `x === undefined`,
 * `typeof x === "undefined"`, a truthiness test `x` / `!x`, `"k" in o`, `o.hasOwnProperty("k")`, and the compilers'
 * `??` (`(_c = x.timeout) != null ? _c : 2e4`, TypeScript's `(_a = x) !== null && _a !== void 0 ? _a : d` and
 * `(o === null || o === void 0 ? void 0 : o.k) !== undefined`). `text` gives a node's source.
 */
export function conditionalFallback(node: EsNode, text: (node: EsNode) => string): ConditionalFallback | undefined {
  const tested = testOf(unwrap(node.test as EsNode), text);
  if (!tested) return undefined;
  const set = (tested.set ? node.consequent : node.alternate) as EsNode;
  const unset = (tested.set ? node.alternate : node.consequent) as EsNode;
  if (!tested.reads(text(unwrap(set)))) return undefined;
  return { reference: tested.reference, name: tested.name, set, unset };
}

function testOf(test: EsNode, text: (node: EsNode) => string, depth = 0): Tested | undefined {
  if (depth > 3) return undefined;
  switch (test.type) {
    case "UnaryExpression": {
      if (test.operator !== "!") return undefined;
      const inner = testOf(unwrap(test.argument as EsNode), text, depth + 1);
      return inner && { ...inner, set: !inner.set };
    }
    case "Identifier":
    case "MemberExpression":
    case "AssignmentExpression":
      return tested(test, true, text);
    case "LogicalExpression": {
      // TypeScript's `(_a = x) !== null && _a !== void 0`: both halves test the temporary the first assigns.
      if (!/^(&&|\|\|)$/.test(test.operator as string)) return undefined;
      const first = testOf(unwrap(test.left as EsNode), text, depth + 1);
      const second = testOf(unwrap(test.right as EsNode), text, depth + 1);
      const held = first && heldIn(first.reference);
      if (!first || !second || !held || first.set !== second.set || first.set !== (test.operator === "&&"))
        return undefined;
      return text(held) === text(second.reference) ? first : undefined;
    }
    case "CallExpression": {
      // `o.hasOwnProperty("k")`, `Object.prototype.hasOwnProperty.call(o, "k")`, `Object.hasOwn(o, "k")`.
      const path = calleePath(test.callee as EsNode) ?? "";
      if (!/(^|\.)(hasOwnProperty(\.call)?|hasOwn)$/.test(path)) return undefined;
      const key = unwrap((test.arguments as EsNode[]).at(-1) ?? test);
      return keyTest(test, key, true);
    }
    case "BinaryExpression": {
      const operator = test.operator as string;
      // `"k" in o`.
      if (operator === "in") return keyTest(test, unwrap(test.left as EsNode), true);
      if (!/^[!=]==?$/.test(operator)) return undefined;
      const equal = operator.startsWith("=");
      const sides = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
      // `typeof x === "undefined"`.
      const typeOf = sides.find((side) => side.type === "UnaryExpression" && side.operator === "typeof");
      if (typeOf && sides.some((side) => side.type === "Literal" && side.value === "undefined"))
        return tested(unwrap(typeOf.argument as EsNode), !equal, text);
      const reference = sides.find((side) => !isNullish(side));
      if (!reference || !sides.some(isNullish)) return undefined;
      return tested(reference, !equal, text);
    }
  }
  return undefined;
}

// A reference tested for being set: `x.timeout`, the temporary `(_c = x.timeout)`, or TypeScript's optional chain
// `o === null || o === void 0 ? void 0 : o.timeout` (whose last arm is the reference).
function tested(raw: EsNode, set: boolean, text: (node: EsNode) => string): Tested | undefined {
  let reference = raw;
  if (reference.type === "ConditionalExpression" && isNullish(unwrap(reference.consequent as EsNode)))
    reference = unwrap(reference.alternate as EsNode);
  const held = heldIn(reference);
  const named = held ? unwrap(reference.right as EsNode) : reference;
  const name = referenceName(named);
  if (name === undefined) return undefined;
  const spelled = [text(held ?? reference), text(named)];
  return { reference, name, set, reads: (arm) => spelled.some((s) => mentions(arm, s)) };
}

// `"k" in o`, `o.hasOwnProperty("k")`: the key, read by the set arm as `.k` or `["k"]`.
function keyTest(test: EsNode, key: EsNode, set: boolean): Tested | undefined {
  if (key.type !== "Literal" || typeof key.value !== "string" || !/^[A-Za-z_$][\w$]*$/.test(key.value))
    return undefined;
  const name = key.value;
  const reads = (arm: string) => new RegExp(`\\.${name.replace(/\$/g, "\\$")}\\b|\\[\\s*["'\`]${name}["'\`]`).test(arm);
  return { reference: test, name, set, reads };
}

// Whether `text` reads `reference` as a whole (`t` in `t * 1000`, not in `setTimeout`).
function mentions(text: string, reference: string): boolean {
  const escaped = reference.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(text);
}

/** `(_c = x.timeout)`: the compiler's temporary that holds the value tested (`_c`), if the test assigns one. */
function heldIn(reference: EsNode): EsNode | undefined {
  if (reference.type !== "AssignmentExpression" || reference.operator !== "=") return undefined;
  const left = unwrap(reference.left as EsNode);
  return left.type === "Identifier" ? left : undefined;
}

/**
 * A file's own fallback helpers by name: functions whose body is a fallback of one parameter to another
 * (`function defaultIfUndefined(value, d) { return typeof value === "undefined" ? d : value }`, `(v, d) => v ?? d`),
 * with the positions of the value tested and of its fallback. A call of one under a timeout's name gives the
 * timeout's default, whatever the helper is called.
 */
export class FallbackHelpers {
  private readonly helpers = new Map<string, { subject: number; fallback: number }>();

  constructor(private readonly text: (node: EsNode) => string) {}

  /** `function f(a, b) { return ... }` or `const f = (a, b) => ...`. */
  definition(name: string, value: unknown): void {
    if (!isNode(value)) return;
    const fn = unwrap(value);
    if (!/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type)) return;
    const params = (fn.params as EsNode[]).map((p) => (p.type === "Identifier" ? (p.name as string) : undefined));
    const body = fn.body as EsNode;
    const statements = body.type === "BlockStatement" ? (body.body as EsNode[]) : undefined;
    const returned = statements
      ? statements.length === 1 && statements[0]!.type === "ReturnStatement" && isNode(statements[0]!.argument)
        ? unwrap(statements[0]!.argument)
        : undefined
      : unwrap(body);
    if (!returned) return;
    let subject: string | undefined;
    let fallback: string | undefined;
    if (returned.type === "LogicalExpression" && returned.operator !== "&&") {
      subject = referenceName(unwrap(returned.left as EsNode));
      fallback = referenceName(unwrap(returned.right as EsNode));
    } else if (returned.type === "ConditionalExpression") {
      const found = conditionalFallback(returned, this.text);
      if (found && unwrap(found.set).type === "Identifier") {
        subject = referenceName(unwrap(found.set));
        fallback = referenceName(unwrap(found.unset));
      }
    }
    const at = (p: string | undefined) => (p === undefined ? -1 : params.indexOf(p));
    if (at(subject) >= 0 && at(fallback) >= 0 && subject !== fallback)
      this.helpers.set(name, { subject: at(subject), fallback: at(fallback) });
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
