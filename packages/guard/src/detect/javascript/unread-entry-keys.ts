// Keys of the entries of a table keyed by ids that no code of the package reads: @okx-dex/okx-dex-sdk's
// `this.defaultNetworkConfigs = { "501": { ..., confirmationTimeout: 60000 }, "784": { ... }, ... }` (fresh400): 25
// chains, each with its `confirmationTimeout`, and no file of the package says `confirmationTimeout` anywhere else
// (its `.d.ts` interface declares it; the swap's confirmation poll is bounded by its own count of attempts). A table
// whose entries are keyed by ids (`"501"`, `137`) is the package's own data, not a library's options object, so a key
// that only its definitions mention bounds nothing. Decided on the package's text by the package pass (every mention
// of the key is a definition of it with a number: `confirmationTimeout: 60000`); its keys join the unread names as
// `[id].key`, and the walk finds them in the entries of id-keyed tables only.
import { type EsNode, isNode, propertyName, span } from "./ast.ts";
import { TIMEOUT_LIKE } from "./unread-package-names.ts";

/** A timeout-like key defined with a number (`confirmationTimeout: 60000`, `"connectTimeout": 5e3`). */
const NUMBER_KEY = /(?<![\w$.])["']?([A-Za-z_$][\w$]*)["']?\s*:\s*[\d(]/g;
/** An entry's key that is an id: a number, written bare or quoted. */
const ID = /^\d+$/;
/** How many definitions of a key in one text make a table of entries rather than one options object. */
const MIN_ENTRIES = 2;

/** An id-keyed entry that sets a timeout-like key with a number: worth the package pass's scan. */
export const ID_ENTRY = /["']?\d+["']?\s*:\s*\{[^{}]{0,2000}?(?:time_?out|deadline)[\w$]*["']?\s*:\s*[\d(]/i;

/** Whether a property's key is an id: `137: {`, `"501": {`. */
function isId(property: EsNode): boolean {
  const key = property.key as EsNode;
  if (property.computed || key.type !== "Literal") return false;
  return typeof key.value === "number" ? Number.isInteger(key.value) : ID.test(propertyName(property) ?? "");
}

/** How the unread names spell an entry key (`[id].confirmationTimeout`). */
export const entryKey = (key: string): string => `[id].${key}`;

/**
 * `[id].key` for every timeout-like key that some text defines with a number at least `MIN_ENTRIES` times and that no
 * text of the package's JavaScript and TypeScript `files` mentions otherwise (a member read, a destructuring, a
 * string, a definition with any other value).
 */
export function unreadEntryKeys(files: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const text of files) {
    if (!TIMEOUT_LIKE.test(text)) continue;
    const here = new Map<string, number>();
    for (const match of text.matchAll(NUMBER_KEY))
      if (TIMEOUT_LIKE.test(match[1]!)) here.set(match[1]!, (here.get(match[1]!) ?? 0) + 1);
    for (const [key, count] of here) counts.set(key, Math.max(counts.get(key) ?? 0, count));
  }
  const candidates = [...counts].filter(([, count]) => count >= MIN_ENTRIES).map(([key]) => key);
  if (candidates.length === 0) return new Set();
  const escaped = candidates.map((name) => name.replace(/\$/g, "\\$"));
  const mention = new RegExp(`(?<![\\w$])(?:${escaped.join("|")})(?![\\w$])`, "g");
  const read = new Set<string>();
  for (const text of files)
    for (const match of text.matchAll(mention)) {
      if (read.has(match[0])) continue;
      const before = text.slice(Math.max(0, match.index - 1), match.index);
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
      const quote = before === '"' || before === "'" ? before : "";
      if (before === "." || !new RegExp(`^${quote}\\s*:\\s*[\\d(]`).test(after)) read.add(match[0]);
    }
  return new Set(candidates.filter((key) => !read.has(key)).map(entryKey));
}

/** [start, end) of the properties of id-keyed entries (`"501": { confirmationTimeout: 60000 }`) `names` call unread. */
export function unreadEntries(program: EsNode, names: ReadonlySet<string>, source: string): [number, number][] {
  const ranges: [number, number][] = [];
  const keys = [...names].filter((name) => name.startsWith("[id].")).map((name) => name.slice("[id].".length));
  if (!keys.some((key) => source.includes(key))) return ranges;
  const stack: EsNode[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "ObjectExpression") {
      const entries = (node.properties as EsNode[]).filter(
        (p) => p.type === "Property" && isId(p) && (p.value as EsNode).type === "ObjectExpression",
      );
      if (entries.length >= MIN_ENTRIES)
        for (const entry of entries)
          for (const property of (entry.value as EsNode).properties as EsNode[]) {
            const key = property.type === "Property" ? propertyName(property) : undefined;
            if (key !== undefined && names.has(entryKey(key))) ranges.push(span(property));
          }
    }
    for (const key in node) {
      if (key === "parent" || key === "range") continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item as EsNode);
      } else if (isNode(value)) stack.push(value);
    }
  }
  return ranges;
}
