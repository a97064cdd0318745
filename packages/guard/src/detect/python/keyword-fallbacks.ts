// A call without a timeout that runs only where the same step WITH a timeout raised `TypeError` (gavo's `try: conn =
// connClass(host, timeout=timeout)` / `except TypeError: # python<2.6, no timeout support` / `conn =
// HTTPConnection(host)`, dendropy's `communicate(commands)` after "unexpected keyword argument 'timeout'"): the
// fallback for an old interpreter or library whose call takes no timeout keyword. Where the keyword is taken it never
// runs, and where it runs no timeout could be given: not the code's choice of "no limit".
import type { Node as TsNode } from "web-tree-sitter";

const TIMEOUT_KEYWORD = /\btimeout\s*=(?!=)/;

export function inTimeoutKeywordFallback(node: TsNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "function_definition" || current.type === "class_definition") return false;
    if (current.type !== "except_clause") continue;
    const caught = current.namedChildren.find((c) => c !== null && c.type !== "block" && c.type !== "comment");
    if (!caught || !/\bTypeError\b/.test(caught.text)) return false;
    const attempt = current.parent?.type === "try_statement" ? current.parent.childForFieldName("body") : null;
    return attempt !== null && attempt !== undefined && TIMEOUT_KEYWORD.test(attempt.text);
  }
  return false;
}
