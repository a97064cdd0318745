// Generated indexes: `Search.setIndex({ terms: { ..., "time_out": 53, "timeout": [25, 61], ... } })` (Sphinx's
// searchindex.js), a word list with its document numbers. Hundreds of keys in sorted order, each holding only
// literals, is a dictionary built by a tool: its numbers say where a word occurs, not how long anything waits.
// A settings table is written by hand (in the order its author thinks of), holds expressions and stays short.
// Sphinx's own loader call says so whatever the order: newer Sphinx writes its terms in the order it met them
// (python3-postgresql's docs), and its sort is not JavaScript's (python3-django-q's).
import { calleePath, type EsNode, propertyName, unwrap } from "./ast.ts";

/** Fewer keys than this is a table someone wrote (the largest defaults tables of the eval have about 60). */
const INDEX_SIZE = 200;

/** The properties of `node` when it is a generated index: many sorted keys, literal values only. */
export function termIndexEntries(node: EsNode): EsNode[] {
  const properties = node.properties as EsNode[];
  if (properties.length < INDEX_SIZE) return [];
  let previous = "";
  for (const property of properties) {
    if (property.type !== "Property" || property.computed || property.kind !== "init") return [];
    const key = propertyName(property);
    if (key === undefined || key < previous || !literalData(property.value as EsNode, 2)) return [];
    previous = key;
  }
  return properties;
}

/** A literal, or an array of them (nested up to `depth`): `53`, `[25, 61]`, `[[70, "new-input"]]`. */
function literalData(raw: EsNode, depth: number): boolean {
  const node = unwrap(raw);
  if (node.type === "Literal") return true;
  if (node.type !== "ArrayExpression" || depth === 0) return false;
  return (node.elements as (EsNode | null)[]).every((element) => element !== null && literalData(element, depth - 1));
}

/**
 * The entries of the index a Sphinx `searchindex.js` hands its search page (`Search.setIndex({ terms: {...},
 * titleterms: {...}, ... })`, the one call the file makes; sphinx/search/__init__.py writes it), in any key order.
 */
export function sphinxIndexEntries(call: EsNode): EsNode[] {
  const index = (call.arguments as EsNode[])[0];
  if (calleePath(call.callee as EsNode) !== "Search.setIndex" || !index || unwrap(index).type !== "ObjectExpression")
    return [];
  const entries: EsNode[] = [];
  for (const section of unwrap(index).properties as EsNode[]) {
    const value = section.type === "Property" ? unwrap(section.value as EsNode) : undefined;
    if (value?.type === "ObjectExpression") entries.push(...(value.properties as EsNode[]));
  }
  return entries;
}
