// Conditional fallbacks: `x.timeout == null ? 20000 : x.timeout`, `program.timeout ? program.timeout : 30`,
// `("k" in config ? config.k : 5) * 1000` (a file's own helper whose body is one: `fallback-helpers.ts`).
// Whatever the test is spelled as, the literal arm is the value used when the tested setting is unset: its default.
import { calleePath, type EsNode, isNullish, referenceName, unwrap } from "./ast.ts";

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

// Whether `text` reads `reference` as a whole (`t` in `t * 1000`, not in `setTimeout`), optional chaining aside:
// `options?.timeout === undefined ? 10_000 : options.timeout` tests and reads the same option.
function mentions(text: string, reference: string): boolean {
  const escaped = plainChain(reference).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(plainChain(text));
}

/** `a?.b?.c` as `a.b.c` (a `?.` before a digit is a conditional's `? .5`). */
function plainChain(text: string): string {
  return text.replace(/\?\.(?!\d)/g, ".");
}

/**
 * The fallback of a `??` as compilers write it, whatever it falls back from: `(_f = <any>) !== null && _f !== void 0 ?
 * _f : 60` (TypeScript) or `(_a = <any>) != null ? _a : 60` (esbuild, Babel). Fern's generated clients nest them:
 * `((_f = (_d = o?.timeoutInSeconds) ?? this._options?.timeoutInSeconds) ?? 60) * 1000`.
 */
export function compiledNullishFallback(node: EsNode): EsNode | undefined {
  return compiledNullish(node)?.fallback;
}

/** A compiled `??`'s two sides: the value it tests (`<any>` above) and its fallback. */
export function compiledNullish(node: EsNode): { value: EsNode; fallback: EsNode } | undefined {
  if (node.type !== "ConditionalExpression") return undefined;
  const consequent = unwrap(node.consequent as EsNode);
  const test = unwrap(node.test as EsNode);
  const first = test.type === "LogicalExpression" && test.operator === "&&" ? unwrap(test.left as EsNode) : test;
  if (consequent.type !== "Identifier" || first.type !== "BinaryExpression" || !/^!==?$/.test(first.operator as string))
    return undefined;
  const [left, right] = [unwrap(first.left as EsNode), unwrap(first.right as EsNode)];
  const assignment = isNullish(right) ? left : isNullish(left) ? right : undefined;
  const held = assignment && heldIn(assignment);
  return held?.name === consequent.name
    ? { value: assignment!.right as EsNode, fallback: node.alternate as EsNode }
    : undefined;
}

/** `(_c = x.timeout)`: the compiler's temporary that holds the value tested (`_c`), if the test assigns one. */
function heldIn(reference: EsNode): EsNode | undefined {
  if (reference.type !== "AssignmentExpression" || reference.operator !== "=") return undefined;
  const left = unwrap(reference.left as EsNode);
  return left.type === "Identifier" ? left : undefined;
}
