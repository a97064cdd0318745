// A None a function binds to a local of its own and then hands to a wait where None means "no limit"
// (`socket_timeout = None` when a URI gives none, then `redis.Redis(socket_timeout=socket_timeout)`): the function's
// own no-limit for the wait, reported where it is written.
import type { Node as TsNode } from "web-tree-sitter";
import { underNoneCheck } from "./context.ts";
import { guarded } from "./setting-writes.ts";
import { enclosingFunction, unwrap } from "./syntax.ts";

/**
 * The `None`s of the plain assignments `name = None` that the function around `use` (the value of a keyword argument,
 * a read of the local `name`) makes before it, where `name` is none of the function's parameters. Left out: a use
 * under a test of the local (`if read_timeout is not None: async_timeout(read_timeout)`), a None assigned under a test
 * of a None (`if timeout is None: timeout = None`), and a local whose other value is set under such a test
 * (`select_timeout = None` then `if self.timeout is not None: select_timeout = ...`): there the None passes on a
 * configured one (README "The caller's "no limit"").
 */
export function localNones(use: TsNode): TsNode[] {
  const fn = enclosingFunction(use);
  const body = fn?.childForFieldName("body");
  if (!fn || !body || use.type !== "identifier" || use.parent?.type !== "keyword_argument") return [];
  const name = use.text;
  const parameters = fn.childForFieldName("parameters")?.namedChildren ?? [];
  if (parameters.some((p) => p !== null && (p.childForFieldName("name") ?? p).text.replace(/^\*+/, "") === name))
    return [];
  if (guarded(use, name, fn)) return [];
  const nones: TsNode[] = [];
  for (const assignment of body.descendantsOfType("assignment")) {
    if (!assignment || enclosingFunction(assignment)?.id !== fn.id) continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type !== "identifier" || left.text !== name || !right) continue;
    if (underNoneCheck(assignment) || underNoneTest(assignment, fn)) return [];
    if (unwrap(right).type === "none" && assignment.endIndex <= use.startIndex) nones.push(right);
  }
  return nones;
}

// Inside an `if`/`elif`/`while` (up to the function) whose condition tests a None (`if self.timeout is not None:`).
function underNoneTest(node: TsNode, fn: TsNode): boolean {
  for (let current = node.parent; current && current.id !== fn.id; current = current.parent) {
    if (!/^(if_statement|elif_clause|while_statement)$/.test(current.type)) continue;
    if (/\bNone\b/.test(current.childForFieldName("condition")?.text ?? "")) return true;
  }
  return false;
}
