// Values named like timeouts that are not durations: resets and re-spelled "no limit" (validation bounds:
// validation-bounds.ts; backoff bases: backoff-bases.ts; code tables: code-tables.ts).
import { type EsNode, span, unwrap } from "./ast.ts";

/** 0 or a negative number: what a field is reset to, or a sentinel, not a duration. */
export function isResetValue(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Literal") return value.value === 0;
  return value.type === "UnaryExpression" && value.operator === "-";
}

/**
 * `request.timeout = request.timeout > 0 ? { total: request.timeout } : false`: the `false` is taken only when the
 * field already held no positive timeout, so it keeps the earlier "none" (chosen where the field was set), it
 * chooses none. The assignment, if it is that shape.
 */
export function keepsOwnNoLimit(node: EsNode, source: string): boolean {
  const right = unwrap(node.right as EsNode);
  if (node.operator !== "=" || right.type !== "ConditionalExpression") return false;
  const alternate = unwrap(right.alternate as EsNode);
  if (alternate.type !== "Literal" || (alternate.value !== false && alternate.value !== 0)) return false;
  const [leftStart, leftEnd] = span(node.left as EsNode);
  const target = source.slice(leftStart, leftEnd).replace(/\s+/g, "");
  const [testStart, testEnd] = span(right.test as EsNode);
  const test = source.slice(testStart, testEnd).replace(/\s+/g, "");
  const [thenStart, thenEnd] = span(right.consequent as EsNode);
  const positive = test.split("&&").some((part) => part === `${target}>0` || part === `0<${target}`);
  return positive && source.slice(thenStart, thenEnd).replace(/\s+/g, "").includes(target);
}

/** A value that holds a point in time (`Date.now() + timeout`), not a duration. */
export const POINT_IN_TIME = /\b(Date\.now|performance\.now|process\.hrtime)\s*\(|\bnew Date\b|\.getTime\s*\(/;

/**
 * `if (t === Infinity || t < 0) t = 0`: the assignment re-spells the caller's own "no limit" for a
 * driver that writes it as 0. The assignment, if the `if` is that shape.
 */
export function infinityRespelling(node: EsNode, source: string): EsNode | undefined {
  let consequent = node.consequent as EsNode;
  if (consequent.type === "BlockStatement" && (consequent.body as EsNode[]).length === 1)
    consequent = (consequent.body as EsNode[])[0]!;
  if (consequent.type !== "ExpressionStatement") return undefined;
  const assignment = unwrap(consequent.expression as EsNode);
  if (assignment.type !== "AssignmentExpression" || !isResetValue(assignment.right as EsNode)) return undefined;
  const [testStart, testEnd] = span(node.test as EsNode);
  const test = source.slice(testStart, testEnd);
  const [leftStart, leftEnd] = span(assignment.left as EsNode);
  // `t === Infinity`, `t < 0`: the caller's own "no limit" (or its negative sentinel) re-spelled as the driver's 0.
  const respells = /\bInfinity\b|<\s*0(?![.\d])/.test(test);
  return respells && test.includes(source.slice(leftStart, leftEnd)) ? assignment : undefined;
}
