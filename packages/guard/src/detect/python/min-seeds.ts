// kafka's sender: `not_ready_timeout = float('inf')`, then `not_ready_timeout = min(not_ready_timeout, delay)` for
// each node that is not ready. Infinity is the neutral start of a minimum, not a limit anything is meant to wait with.
import type { Node as TsNode } from "web-tree-sitter";

/** Whether the local `left`, assigned at `assignment`, is taken again as `min(left, ...)` in the same function. */
export function seedsMinimum(assignment: TsNode, left: TsNode): boolean {
  if (left.type !== "identifier") return false;
  let scope: TsNode | null = assignment.parent;
  while (scope && scope.type !== "function_definition" && scope.type !== "module") scope = scope.parent;
  if (!scope) return false;
  return scope.descendantsOfType("assignment").some((other) => {
    if (!other || other.id === assignment.id || other.childForFieldName("left")?.text !== left.text) return false;
    const right = other.childForFieldName("right");
    if (right?.type !== "call" || right.childForFieldName("function")?.text !== "min") return false;
    return (right.childForFieldName("arguments")?.namedChildren ?? []).some((a) => a?.text === left.text);
  });
}
