// Fields of a module's own options object that nothing reads: `const DEFAULT_LOCK_OPTIONS = { timeout: 10000,
// retryInterval: 100, maxRetries: 100 }` merged as `const opts = { ...DEFAULT_LOCK_OPTIONS, ...options }` and read
// only as `opts.retryInterval` and `opts.maxRetries` (kit's env-file lock, whose loop is bounded by its tries). The
// object never leaves the file and no read names the key: the duration bounds nothing. One that does leave it
// (exported, handed whole to a call, returned, merged into what is handed on) may be read anywhere and stays a site.
import { type EsNode, isNode, propertyName, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** `const NAME = {` (or `let` / `var`) and a spread of some name: the shape worth a walk. */
const DECLARED_OBJECT = /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=]{1,80})?=\s*\{/g;

/**
 * Adds to `notDurations` the numeric fields (the property and its value) of each file-local object literal whose
 * key nothing in the file names again and whose object is only read by other fields or spread into a local that is.
 */
export function unreadFields(
  program: EsNode,
  source: string,
  visitorKeys: VisitorKeys | undefined,
  notDurations: Set<EsNode>,
): void {
  const candidates = new Set<string>();
  for (const match of source.matchAll(DECLARED_OBJECT))
    if (new RegExp(`\\.\\.\\.\\s*${escaped(match[1]!)}(?![\\w$])`).test(source)) candidates.add(match[1]!);
  if (candidates.size === 0) return;
  // Every node's parent, every identifier by name (keys and member names included: a mention is a read, to be safe).
  const parents = new Map<EsNode, EsNode>();
  const identifiers = new Map<string, EsNode[]>();
  const declarators: EsNode[] = [];
  walk(program, visitorKeys, (node) => {
    for (const value of Object.values(node))
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) parents.set(child as EsNode, node);
      } else if (isNode(value) && value !== node) parents.set(value, node);
    if (node.type === "Identifier") {
      const list = identifiers.get(node.name as string) ?? [];
      list.push(node);
      identifiers.set(node.name as string, list);
    }
    if (node.type === "VariableDeclarator") declarators.push(node);
  });
  for (const declarator of declarators) {
    const id = declarator.id as EsNode;
    const init = isNode(declarator.init) ? unwrap(declarator.init) : undefined;
    if (id.type !== "Identifier" || !candidates.has(id.name as string) || init?.type !== "ObjectExpression") continue;
    if (parents.get(parents.get(declarator)!)?.type?.startsWith("Export")) continue;
    for (const property of init.properties as EsNode[]) {
      if (property.type !== "Property" || !isNode(property.value)) continue;
      const key = propertyName(property);
      const value = unwrap(property.value);
      if (key === undefined || !NUMERIC.has(value.type)) continue;
      // The key named nowhere else in the file, as an identifier or a string.
      const named = (identifiers.get(key) ?? []).filter((node) => node !== property.key);
      if (named.length > 0 || new RegExp(`["'\`]${escaped(key)}["'\`]`).test(source)) continue;
      if (!onlyFieldReads(id.name as string, id, 1)) continue;
      notDurations.add(property);
      notDurations.add(property.value as EsNode);
      notDurations.add(value);
    }
  }

  // Every reference of `name` but its declaration reads a field of it, or spreads it into a local read so (`depth`).
  function onlyFieldReads(name: string, own: EsNode, depth: number): boolean {
    for (const reference of identifiers.get(name) ?? []) {
      if (reference === own) continue;
      const parent = parents.get(reference);
      if (parent === undefined) return false;
      // A key or member of the same name (`x.opts`, `{ opts: 1 }`) is no reference.
      if (parent.type === "MemberExpression" && parent.property === reference && !parent.computed) continue;
      if (parent.type === "Property" && parent.key === reference && !parent.shorthand) continue;
      // `opts.maxRetries`, `opts.x = 1`, `opts.x()`: one field (the key's own reads are ruled out by name).
      if (parent.type === "MemberExpression" && parent.object === reference && !parent.computed) continue;
      if (parent.type === "SpreadElement" && depth > 0) {
        const object = parents.get(parent);
        const declarator = object && parents.get(object);
        const target = declarator?.type === "VariableDeclarator" ? (declarator.id as EsNode) : undefined;
        if (target?.type === "Identifier" && onlyFieldReads(target.name as string, target, depth - 1)) continue;
      }
      return false;
    }
    return true;
  }
}

/** A duration written as a number or arithmetic on numbers (`10000`, `10 * 1000`). */
const NUMERIC = new Set(["Literal", "NumericLiteral", "BinaryExpression"]);

/** `text` matched as it is in a regular expression. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
