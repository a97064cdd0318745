// How a setting's value is written and tested around its reads (`settings.ts`): where a value is stored, whether a
// name is assigned again, and whether a read sits under a test of the name (where a None may be kept from the wait).
import type { Node as TsNode } from "web-tree-sitter";

// `self.x = value` or `self.x = seconds_or_none(value)`: the attribute the value is stored in.
export function storedAs(value: TsNode): string | undefined {
  let node = value;
  const call = node.parent?.parent;
  if (node.parent?.type === "argument_list" && call?.type === "call") {
    if (!/_or_none$/i.test(call.childForFieldName("function")?.text ?? "")) return undefined;
    node = call;
  }
  const assignment = node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== node.id) return undefined;
  const left = assignment.childForFieldName("left");
  return left?.type === "attribute" ? left.text.replace(/\s+/g, "") : undefined;
}

// `self.timeout = timeout` in `fn`'s body: the attributes (`self.timeout`) the object keeps the parameter `name` in.
export function keptOnSelf(fn: TsNode, name: string): string[] {
  const kept: string[] = [];
  for (const assignment of fn.childForFieldName("body")?.descendantsOfType("assignment") ?? []) {
    const left = assignment?.childForFieldName("left");
    if (left?.type !== "attribute" || assignment!.childForFieldName("right")?.text !== name) continue;
    const attribute = left.text.replace(/\s+/g, "");
    if (attribute.startsWith("self.")) kept.push(attribute);
  }
  return kept;
}

// Any assignment of the parameter `name` in the constructor: it may no longer hold the caller's value.
// A negative value re-spelled as the wait's None (`if timeout and timeout < 0: timeout = None`, ipyparallel's
// `AsyncResult.wait`) is not counted: "no limit" stays "no limit", and any other value is kept.
export function assignsTo(body: TsNode, name: string): boolean {
  return body
    .descendantsOfType(["assignment", "augmented_assignment"])
    .some((assignment) => assignment?.childForFieldName("left")?.text === name && !negativeReset(assignment, name));
}

// `if timeout < 0: timeout = None`, also under `timeout and ...` / `timeout is not None and ...` or as `== -1`.
function negativeReset(assignment: TsNode, name: string): boolean {
  if (assignment.type !== "assignment" || assignment.childForFieldName("right")?.type !== "none") return false;
  const statement = assignment.parent;
  const block = statement?.type === "expression_statement" ? statement.parent : undefined;
  const test = block?.type === "block" ? block.parent : undefined;
  if (test?.type !== "if_statement" || test.childForFieldName("consequence")?.id !== block!.id) return false;
  if (test.namedChildren.some((c) => c?.type === "elif_clause" || c?.type === "else_clause")) return false;
  const escaped = name.replace(/[.]/g, "\\.");
  const negative = `${escaped}\\s*(<\\s*0(\\.0)?|<=\\s*-1(\\.0)?|==\\s*-1(\\.0)?)`;
  const pattern = new RegExp(`^(${escaped}\\s+and\\s+|${escaped}\\s+is\\s+not\\s+None\\s+and\\s+)?${negative}$`);
  return pattern.test(test.childForFieldName("condition")?.text.trim() ?? "");
}

// An assignment of `target` under a test of it (`if timeout is None: timeout = 10`), in `scope`.
export function reassigned(scope: TsNode, target: string): boolean {
  for (const assignment of scope.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = assignment?.childForFieldName("left");
    if (left && left.text.replace(/\s+/g, "") === target && guarded(assignment!, target, scope)) return true;
  }
  return false;
}

// Inside an `if`/`elif`/`while`/conditional expression that tests `target`, below `top`, or an operand of `or`.
export function guarded(node: TsNode, target: string, top: TsNode): boolean {
  const mention = new RegExp(`(^|[^\\w.])${target.replace(/[.]/g, "\\.")}(?![\\w])`);
  let operand = true; // no call between the node and the `or` (`client or Client(timeout=timeout)` hands it on)
  for (let current = node.parent; current && current.id !== top.id; current = current.parent) {
    if (current.type === "argument_list") operand = false;
    const condition =
      current.type === "conditional_expression"
        ? current.namedChildren[1]
        : /^(if_statement|elif_clause|while_statement)$/.test(current.type)
          ? current.childForFieldName("condition")
          : null;
    if (condition && mention.test(condition.text)) return true;
    if (current.type === "boolean_operator" && operand) return true; // `self.x or 30`: a fallback replaces the None
  }
  return false;
}

/**
 * `if self.keep_alive_timeout is not None: self._tasks.add(self._check_ws_liveness())` (gql): the read sits in a private
 * method of `cls` that every mention in the class (a call, or the method handed on as a callback) starts only under a
 * test of `target`. A None there switches that method off; it never waits with it. A public method is left out: other
 * code may call it without the test.
 */
export function startedOnlyUnderTest(read: TsNode, target: string, cls: TsNode): boolean {
  let fn: TsNode | null = read.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name || !/^_(?!_)/.test(name) || fn.parent?.parent?.id !== cls.id) return false;
  const mentions = cls
    .descendantsOfType("attribute")
    .filter((node) => node?.text.replace(/\s+/g, "") === `self.${name}`) as TsNode[];
  return mentions.length > 0 && mentions.every((mention) => guarded(mention, target, cls));
}
