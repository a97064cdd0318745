// A caller's value raised to the number it was just compared with: ceph's cephadm `if timeout < 60: timeout = 60`
// ("a lower bound of 60 seconds in case users accidentally set it to something unreasonable") is the floor
// `max(timeout, 60)` writes, a clamp of a configured value, not a duration chosen here (as JavaScript's
// `floors.ts`). The other way round (`if timeout > 300: timeout = 300`) is a cap, a hardcoded bound on the wait.
import type { Node as TsNode } from "web-tree-sitter";

/** Whether `assignment` (`left = right`) is the body of `if left < right:` (or `<=`, or `right > left`). */
export function raisesToFloor(assignment: TsNode, left: TsNode, right: TsNode): boolean {
  const statement = assignment.parent;
  const block = statement?.type === "expression_statement" ? statement.parent : undefined;
  const test = block?.type === "block" ? block.parent : undefined;
  if (test?.type !== "if_statement" || test.childForFieldName("consequence")?.id !== block!.id) return false;
  const condition = test.childForFieldName("condition");
  if (condition?.type !== "comparison_operator" || condition.namedChildren.length !== 2) return false;
  const [a, b] = condition.namedChildren;
  const operator = condition.children.find((c) => c !== null && /^[<>]=?$/.test(c.type))?.type;
  const same = (x: TsNode | null | undefined, y: TsNode) => x?.text.replace(/\s+/g, "") === y.text.replace(/\s+/g, "");
  if (operator === "<" || operator === "<=") return same(a, left) && same(b, right);
  if (operator === ">" || operator === ">=") return same(a, right) && same(b, left);
  return false;
}
