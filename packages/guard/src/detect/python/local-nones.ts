// A None a function binds to a local of its own and then hands to a wait where None means "no limit"
// (`socket_timeout = None` when a URI gives none, then `redis.Redis(socket_timeout=socket_timeout)`): the function's
// own no-limit for the wait, reported where it is written.
import type { Node as TsNode } from "web-tree-sitter";
import { underNoneCheck } from "./context.ts";
import { enclosingFunction, unwrap } from "./syntax.ts";

/**
 * The `None`s of the plain assignments `name = None` that the function around `use` (a read of the local `name`)
 * makes before it, where `name` is none of the function's parameters. A None assigned under a test of the name's own
 * None (`if timeout is None: timeout = None`) is the caller's, and is left out.
 */
export function localNones(use: TsNode): TsNode[] {
  const fn = enclosingFunction(use);
  const body = fn?.childForFieldName("body");
  if (!fn || !body || use.type !== "identifier") return [];
  const name = use.text;
  const parameters = fn.childForFieldName("parameters")?.namedChildren ?? [];
  if (parameters.some((p) => p !== null && (p.childForFieldName("name") ?? p).text.replace(/^\*+/, "") === name))
    return [];
  const nones: TsNode[] = [];
  for (const assignment of body.descendantsOfType("assignment")) {
    if (!assignment || assignment.endIndex > use.startIndex || enclosingFunction(assignment)?.id !== fn.id) continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type !== "identifier" || left.text !== name || !right || unwrap(right).type !== "none") continue;
    if (!underNoneCheck(assignment, name)) nones.push(right);
  }
  return nones;
}
