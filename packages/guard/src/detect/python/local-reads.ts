// Every read of a name in a function's body: `oldest_allowed = now - timeout` read only in comparisons with records'
// ages, `saved = settings.NAME` read only to write it back, `**kw` handed only to calls that show it.
import type { Node as TsNode } from "web-tree-sitter";
import { enclosingFunction } from "./syntax.ts";

/** The identifiers named `name` in `body` (none without one), but `except` (the local's own write). */
export function readsOf(body: TsNode | null | undefined, name: string, except?: TsNode): TsNode[] {
  return (body?.descendantsOfType("identifier") ?? []).filter(
    (read): read is TsNode => read !== null && read.text === name && read.id !== except?.id,
  );
}

/** Whether `body` reads `name` (but at `except`), and every read passes `each`. */
export function everyRead(
  body: TsNode | null | undefined,
  name: string,
  each: (read: TsNode) => boolean,
  except?: TsNode,
): boolean {
  const reads = readsOf(body, name, except);
  return reads.length > 0 && reads.every((read) => each(read));
}

/** Whether `value` is assigned to a local (`local = value`) whose function reads it, every read passing `each`. */
export function everyLocalRead(value: TsNode, each: (read: TsNode) => boolean): boolean {
  const assignment = value.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== value.id) return false;
  const local = assignment.childForFieldName("left");
  const body = enclosingFunction(assignment)?.childForFieldName("body");
  if (local?.type !== "identifier" || !body) return false;
  return everyRead(body, local.text, each, local);
}
