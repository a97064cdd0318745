// How a name is used across a file, read from the file's text: asked only where a finding is about to be
// reported, so it adds no work per node.
import type { Node as TsNode } from "web-tree-sitter";

// The name a value is assigned to (`NAME = value`, or `NAME = Timeout(value, ...)`), when the value is the right
// side of an assignment to a plain name or an argument of a duration object (`...Timeout`, `timedelta`) that is.
// Not through other calls: in `status = get(url, timeout=5)` the name holds the call's result, not the timeout.
export function assignedName(value: TsNode): string | undefined {
  let node: TsNode = value;
  for (let depth = 0; depth < 4; depth++) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === "assignment") {
      const left = parent.childForFieldName("left");
      return left?.type === "identifier" && parent.childForFieldName("right")?.id === node.id ? left.text : undefined;
    }
    if (parent.type === "call" && !/(Timeout|timedelta)$/.test(parent.childForFieldName("function")?.text ?? ""))
      return undefined;
    if (parent.type !== "argument_list" && parent.type !== "keyword_argument" && parent.type !== "call")
      return undefined;
    node = parent;
  }
  return undefined;
}

// Every read of `name` in `code` (a file without strings and comments, see `withoutText`) is an equality or
// identity test (`client.timeout != HTTPX_DEFAULT_TIMEOUT`, `t is DEFAULT`), at least one: a default restated to
// recognise it, which bounds no wait. An ordering test (`elapsed > POLL_TIMEOUT`) is the bound of a loop, and
// any other read (an argument, a return, arithmetic) passes the value on: both keep it a timeout. Assignments,
// imports and `global` declarations are not reads.
export function comparedOnly(code: string, name: string): boolean {
  let compared = 0;
  for (const match of code.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g"))) {
    const before = code.slice(Math.max(0, match.index - 60), match.index);
    const after = code.slice(match.index + name.length, match.index + name.length + 60);
    if (/^\s*(:[^=\n]*)?=(?!=)/.test(after)) continue;
    if (/\b(import|as|global|nonlocal)\s+$|\bimport\s*\(?[\w\s,]*$/.test(before)) continue;
    if (/(==|!=|\bis(\s+not)?)\s*$/.test(before) || /^\s*(==|!=|is\b)/.test(after)) {
      compared++;
      continue;
    }
    return false;
  }
  return compared > 0;
}
