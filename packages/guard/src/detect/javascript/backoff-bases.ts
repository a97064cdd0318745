// A retry backoff's base delay: the time of the next attempt grown exponentially per failure, not a wait's bound.
import { type EsNode, referenceName, unwrap } from "./ast.ts";
import { POINT_IN_TIME } from "./not-durations.ts";

/**
 * `Date.now() + this.resurrectTimeout * Math.pow(2, failures)`: the time of the next attempt, a base delay grown
 * exponentially per failure (a retry backoff, not a wait's bound). The name of the base, if the sum is that shape.
 */
export function backoffBase(node: EsNode): string | undefined {
  if (node.operator !== "+") return undefined;
  for (const [clock, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as [EsNode, EsNode][]) {
    const product = unwrap(other);
    if (
      !POINT_IN_TIME.test(sourceless(unwrap(clock))) ||
      product.type !== "BinaryExpression" ||
      product.operator !== "*"
    )
      continue;
    for (const [base, factor] of [
      [product.left, product.right],
      [product.right, product.left],
    ] as [EsNode, EsNode][]) {
      if (isExponential(unwrap(factor))) return referenceName(unwrap(base));
    }
  }
  return undefined;
}

/** `Math.pow(2, n)`, `2 ** n`. */
function isExponential(node: EsNode): boolean {
  if (node.type === "BinaryExpression") return node.operator === "**";
  if (node.type !== "CallExpression") return false;
  const callee = unwrap(node.callee as EsNode);
  return (
    callee.type === "MemberExpression" &&
    referenceName(unwrap(callee.object as EsNode)) === "Math" &&
    referenceName(callee) === "pow"
  );
}

/** The callee of a clock call as text (`Date.now(`), enough for POINT_IN_TIME. */
function sourceless(node: EsNode): string {
  if (node.type !== "CallExpression") return "";
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression") return "";
  return `${referenceName(unwrap(callee.object as EsNode)) ?? ""}.${referenceName(callee) ?? ""}(`;
}
