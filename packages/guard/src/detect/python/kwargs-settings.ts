// A constructor that takes its timeout through `**kwargs`: `self.timeout = kwargs.pop("timeout", None)`. The lookup's
// None is the object's own default, as a `timeout=None` parameter would be, and is its "no limit" when the object
// later waits with the attribute (`self.event.wait(self.timeout)`; `settings.ts`' `keptForWaits`).
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { keptForWaits } from "./settings.ts";
import { unwrap } from "./syntax.ts";

/**
 * The None of `assignment` (`self.x = kwargs.pop("timeout", None)`, or `.get`) is in an `__init__` whose `**kwargs` the
 * lookup reads, under a key the file's timeout names match, with a literal None fallback, and the class waits with
 * `self.x` unchanged later (undefined otherwise). Another dictionary's lookup (`options.get("timeout", None)`) is not
 * the object's default.
 */
export function kwargsNoLimit(facts: PyFacts, assignment: TsNode): TsNode | undefined {
  const left = assignment.childForFieldName("left");
  const right = assignment.childForFieldName("right");
  if (left?.type !== "attribute" || !left.text.startsWith("self.") || right?.type !== "call") return undefined;
  const callee = right.childForFieldName("function");
  const args = right.childForFieldName("arguments")?.namedChildren.filter((a) => a !== null && a.type !== "comment");
  if (callee?.type !== "attribute" || !/^(pop|get)$/.test(callee.childForFieldName("attribute")?.text ?? "")) {
    return undefined;
  }
  const [key, fallback] = args ?? [];
  if (args?.length !== 2 || key?.type !== "string" || !fallback || unwrap(fallback).type !== "none") return undefined;
  if (!facts.isTimeout(key.text.slice(1, -1))) return undefined;
  let fn = assignment.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  if (fn?.childForFieldName("name")?.text !== "__init__") return undefined;
  const splat = fn
    .childForFieldName("parameters")
    ?.namedChildren.find((p) => p?.type === "dictionary_splat_pattern")
    ?.namedChildren.find((n) => n?.type === "identifier");
  const cls = classOf(fn);
  const own = splat != null && callee.childForFieldName("object")?.text === splat.text;
  return own && cls && keptForWaits(facts, cls, left.text, 0) ? fallback : undefined;
}
