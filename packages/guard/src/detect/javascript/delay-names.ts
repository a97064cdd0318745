// The names a timer's delay reads: all of them (a name in any part of the delay may be armed there), and the one name
// the delay is alone or scaled (what a timer that bounds nothing makes inert).
import { type EsNode, referenceName, unwrap } from "./ast.ts";

/** The names a delay reads: `idleTimeout`, `config.requestTimeout` in `config.x ?? (config.requestTimeout ?? 2000)`. */
export function delayNames(delay: EsNode): string[] {
  const names: string[] = [];
  const visit = (raw: EsNode, depth: number): void => {
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) names.push(name);
    else if (depth < 4 && (node.type === "LogicalExpression" || node.type === "BinaryExpression")) {
      visit(node.left as EsNode, depth + 1);
      visit(node.right as EsNode, depth + 1);
    }
  };
  visit(delay, 0);
  return names;
}

/**
 * The name a delay reads alone or scaled by a number (`setTimeout(retry, operationTimeout * 2)`, `1e3 * pingTimeout`):
 * still only that timer's delay. Not a name in a fallback, an offset or beside another name, which may bound more.
 */
export function scaledName(delay: EsNode): string | undefined {
  const node = unwrap(delay);
  if (node.type === "BinaryExpression" && node.operator === "*") {
    const left = unwrap(node.left as EsNode);
    const right = unwrap(node.right as EsNode);
    if (right.type === "Literal" && typeof right.value === "number") return referenceName(left);
    if (left.type === "Literal" && typeof left.value === "number") return referenceName(right);
  }
  return referenceName(node);
}
