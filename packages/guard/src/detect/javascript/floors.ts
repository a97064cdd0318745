// A caller's value raised to the number it was just compared with (`t < 1000 ? 1000 : t`, `if (t < 1) t = 1`) is
// the floor `Math.max(t, 1000)` writes (`classify.ts`): a clamp of the caller's value, not a duration chosen here.
// The other way round (`t > 30000 ? 30000 : t`) is a cap, a hardcoded bound on the wait, as `Math.min(t, 30000)` is.
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";

/** What the checks need of the file: a node's folded number and its text. */
export type Reader = { evaluate: (node: EsNode) => number | undefined; text: (node: EsNode) => string };

/** A node's text without whitespace: `a . b` and `a.b` name the same thing. */
export const compact = (reader: Reader, node: EsNode) => reader.text(node).replace(/\s+/g, "");

/**
 * For an order test between one expression and a positive number (`t < 1000`, `1000 > t`, `t >= 1000`): the
 * expression's text, the number, and whether the test holds for values under the number. Otherwise undefined.
 */
function orderTest(reader: Reader, raw: EsNode): { value: string; bound: number; below: boolean } | undefined {
  const test = unwrap(raw);
  if (test.type !== "BinaryExpression" || !/^[<>]=?$/.test(test.operator as string)) return undefined;
  const left = unwrap(test.left as EsNode);
  const right = unwrap(test.right as EsNode);
  const rightBound = reader.evaluate(right);
  const leftBound = reader.evaluate(left);
  // `t < 1000`: the value on the left; `1000 > t`: on the right, the operator read the other way.
  const [value, bound, less] =
    rightBound !== undefined && leftBound === undefined
      ? [left, rightBound, (test.operator as string).startsWith("<")]
      : leftBound !== undefined && rightBound === undefined
        ? [right, leftBound, (test.operator as string).startsWith(">")]
        : [undefined, undefined, false];
  // `t > NO_TIMEOUT ? t : NO_TIMEOUT` with `NO_TIMEOUT = 0`: a 0 taken there is still "no limit", no floor.
  if (value === undefined || bound === undefined || !(bound > 0)) return undefined;
  return { value: compact(reader, value), bound, below: less };
}

/**
 * In `t < 1000 ? 1000 : t` (or `t >= 1000 ? t : 1000`), the branch that holds the floor: taken only when the value
 * tested is under it, and the same number the test compared with; the other branch is the value itself.
 */
export function floorBranch(reader: Reader, node: EsNode): EsNode | undefined {
  const test = orderTest(reader, node.test as EsNode);
  if (!test) return undefined;
  const [raised, kept] = (
    test.below ? [node.consequent, node.alternate] : [node.alternate, node.consequent]
  ) as EsNode[];
  if (reader.evaluate(raised!) !== test.bound || compact(reader, kept!) !== test.value) return undefined;
  return raised;
}

/**
 * `const timeout = Math.max(args.timeout ?? 5, 1)`: the number a local is floored at, read from its declaration
 * (`undefined` for any other initialiser).
 */
export function declaredFloor(reader: Reader, init: EsNode | undefined): number | undefined {
  const call = init && unwrap(init);
  if (call?.type !== "CallExpression" || calleePath(call.callee as EsNode) !== "Math.max") return undefined;
  const numbers = (call.arguments as EsNode[]).map((arg) => reader.evaluate(arg)).filter((n) => n !== undefined);
  return numbers.length === 1 && numbers[0]! > 0 ? numbers[0] : undefined;
}

/**
 * In `Number.isNaN(timeout) ? 1 : timeout` where `timeout` was declared `Math.max(..., 1)`: the branch that puts the
 * floor back when the floored value is not a number (`Math.max(NaN, 1)` is NaN); the floor again, not a default.
 */
export function nanFloorBranch(
  reader: Reader,
  node: EsNode,
  floorOf: (name: string) => number | undefined,
): EsNode | undefined {
  const test = unwrap(node.test as EsNode);
  if (test.type !== "CallExpression" || !/^(Number\.)?isNaN$/.test(calleePath(test.callee as EsNode) ?? ""))
    return undefined;
  const [tested] = test.arguments as EsNode[];
  const value = tested && unwrap(tested);
  const kept = unwrap(node.alternate as EsNode);
  if (value?.type !== "Identifier" || kept.type !== "Identifier" || kept.name !== value.name) return undefined;
  const floor = floorOf(value.name as string);
  return floor !== undefined && reader.evaluate(node.consequent as EsNode) === floor
    ? (node.consequent as EsNode)
    : undefined;
}

/**
 * `if (dev.devTimeout < 1) { log(...); dev.devTimeout = 1; }`: the assignments in the branch that raise the value
 * tested to the number it was compared with.
 */
export function floorAssignments(reader: Reader, node: EsNode): EsNode[] {
  const test = orderTest(reader, node.test as EsNode);
  if (!test?.below) return [];
  return branchAssignments(reader, node.consequent as EsNode)
    .filter(
      ({ assignment, target }) => target === test.value && reader.evaluate(assignment.right as EsNode) === test.bound,
    )
    .map(({ assignment }) => assignment);
}

/**
 * The `=` assignments written as statements of an `if`'s branch, each with its target's `compact` text: what a clamp
 * (`not-durations.ts`) or a floor sets the value it tested to.
 */
export function branchAssignments(reader: Reader, branch: EsNode): { assignment: EsNode; target: string }[] {
  const statements = branch.type === "BlockStatement" ? (branch.body as EsNode[]) : [branch];
  const found: { assignment: EsNode; target: string }[] = [];
  for (const statement of statements) {
    const assignment = statement.type === "ExpressionStatement" ? unwrap(statement.expression as EsNode) : undefined;
    if (assignment?.type === "AssignmentExpression" && assignment.operator === "=")
      found.push({ assignment, target: compact(reader, assignment.left as EsNode) });
  }
  return found;
}

/**
 * Numbers as written (`1000`, `-1`) and the source's text, for a check made during the walk, before the file's
 * constants are known.
 */
export function literalReader(source: string): Reader {
  const evaluate = (raw: EsNode): number | undefined => {
    const node = unwrap(raw);
    if (node.type === "Literal") return typeof node.value === "number" ? node.value : undefined;
    if (node.type !== "UnaryExpression" || node.operator !== "-") return undefined;
    const inner = evaluate(node.argument as EsNode);
    return inner === undefined ? undefined : -inner;
  };
  return { evaluate, text: (node) => source.slice(...span(node)) };
}
