// The shape `deadlines.ts` (`deadline = time.time() + 5` polled by `while time.time() < deadline`) and
// `elapsed-bounds.ts` (`while time.time() - start < self.MAX_WAIT`) both read: a name's reads in a scope, the ordering
// comparison a read is one side of, and what the loop around it waits on.
import type { Node as TsNode } from "web-tree-sitter";
import { WAITS } from "./budgets.ts";
import { ordering, outward } from "./expiries.ts";
import { blanked, calleeText, unwrap } from "./syntax.ts";

/**
 * The nodes spelled `name` where `pattern` (global; each match ends with the name: `self.NAME`, `NAME`) finds it in
 * `scope`'s code (strings and comments blanked), but not inside `target` (the assignment's own name).
 */
export function* namesIn(scope: TsNode, pattern: RegExp, name: string, target: TsNode): Generator<TsNode> {
  const code = blanked(scope.text);
  const root = scope.tree.rootNode;
  for (const match of code.matchAll(pattern)) {
    const at = scope.startIndex + match.index + match[0].length - name.length;
    if (at >= target.startIndex && at < target.endIndex) continue;
    const found = root.descendantForIndex(at, at + name.length);
    if (found && found.text === name) yield found;
  }
}

/** The ordering comparison `read` (in its parentheses) is one side of, and its other side unwrapped. */
export function orderedAgainst(read: TsNode): { comparison: TsNode; other: TsNode } | undefined {
  const outer = outward(read);
  const comparison = outer.parent;
  if (comparison?.type !== "comparison_operator" || !ordering(comparison)) return undefined;
  const other = comparison.namedChildren.find((c) => c !== null && c.id !== outer.id);
  return other ? { comparison, other: unwrap(other) } : undefined;
}

/** A `call`, `await` or `yield` that may wait on something besides a sleep (`sock.recv(...)`, `q.get(timeout=1)`). */
export function waitsBesidesSleep(node: TsNode): boolean {
  if (node.type !== "call") return true;
  const method = calleeText(node).replace(/^.*\./, "");
  return method !== "sleep" && WAITS.test(`${method}(`);
}

/** Inside a function, lambda or class defined in `body`: its code is not the loop's. */
export function inNestedScope(node: TsNode, body: TsNode): boolean {
  for (let current = node.parent; current && current.id !== body.id; current = current.parent)
    if (/^(function_definition|lambda|class_definition)$/.test(current.type)) return true;
  return false;
}
