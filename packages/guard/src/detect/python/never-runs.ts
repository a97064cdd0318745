import type { Node as TsNode } from "web-tree-sitter";

/**
 * Whether the code at `start` sits in a function whose body opens (after its docstring) with an unconditional
 * `raise`: `async def endless_trio(req): raise Exception("not compatible") ...` keeps example code below the raise
 * that no call ever reaches, so a timeout there bounds nothing (eval/README.md: code that never runs). Only the
 * first statement counts: a raise further down may sit after a `return` path we would have to reason about, and
 * a raise inside an `if`/`try` is conditional. Code in nested functions defined below the raise never runs either.
 */
export function afterOpeningRaise(root: TsNode, start: number): boolean {
  for (let node: TsNode | null = root.descendantForIndex(start); node; node = node.parent) {
    if (node.type !== "function_definition") continue;
    const body = node.childForFieldName("body");
    const first = body?.namedChildren.find((s) => s !== null && s.type !== "comment" && !isDocstring(s));
    if (first?.type === "raise_statement" && start >= first.endIndex) return true;
  }
  return false;
}

function isDocstring(statement: TsNode): boolean {
  return statement.type === "expression_statement" && statement.namedChildren[0]?.type === "string";
}
