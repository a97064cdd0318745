// Keys of a package's own table that no code reads: @0xpolygonid/js-sdk's `defaultEthConnectionConfig = {
// confirmationTimeout: 600000, receiptTimeout: 600000, rpcResponseTimeout: 5000, ... }` (fresh337) is read key by key
// (`defaultEthConnectionConfig.maxFeePerGas`) and never handed whole to anything, and no code reads its timeouts: they
// bound nothing. A table handed whole (`createPool(DB_OPTIONS)`, `{ ...DEFAULTS }`, `const { a } = T`, `T[key]`) may
// have every key read by whoever gets it, so its keys stay judged as written. Decided on the package's text by the
// package pass; its entries join the unread names as `table.key`.
import { definedAt, TIMEOUT_LIKE } from "./unread-package-names.ts";

/** `const T = {`, `export const T: Config = {`: a table stored under a name. */
const TABLE = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,120})?=\s*\{/g;
/**
 * A key at the table's first level, right after its `{` or a `,` (and any comment). A block comment ends at its first
 * `*\/` and nowhere else: a lazy `[^]*?` could be stretched to each later one when no key follows (`/*#__PURE__*\/
 * f()` in a bundle), which hung the package pass on @flagship.io/js-sdk's lite bundle.
 */
const KEY = /(?:\s|\/\/[^\n]*\n|\/\*(?:[^*]|\*(?!\/))*\*\/)*(?:([A-Za-z_$][\w$]*)|"([^"\n]*)"|'([^'\n]*)')\s*:/y;
/** A table longer than this (in characters) is not scanned: a bundle's module maps are not settings. */
const MAX_TABLE = 20_000;
/** `.key`, `?.key` right after a mention of the table's name. */
const MEMBER = /^\s*\??\.\s*([A-Za-z_$][\w$]*)/;
/** A mention inside a comment line (`* @param [config=DEFAULTS]`): words, not a use. */
const COMMENT_LINE = /^\s*(?:\*|\/\/|\/\*)/;

/**
 * `table.key` for every timeout-like key of a table the package's JavaScript and TypeScript `files` read only key by
 * key (at least once) and never by the key itself.
 */
export function unreadTableKeys(files: readonly string[]): Set<string> {
  const tables = new Map<string, Set<string>>();
  for (const text of files) {
    if (!TIMEOUT_LIKE.test(text)) continue;
    for (const match of text.matchAll(TABLE)) {
      const keys = [...firstLevelKeys(text, match.index + match[0].length)].filter((key) => TIMEOUT_LIKE.test(key));
      if (keys.length === 0) continue;
      const known = tables.get(match[1]!) ?? new Set();
      for (const key of keys) known.add(key);
      tables.set(match[1]!, known);
    }
  }
  if (tables.size === 0) return new Set();
  const escaped = [...tables.keys()].map((name) => name.replace(/\$/g, "\\$"));
  // Not a property of the same name (`this.T`, `exports.T`); a spread (`...T`) is a mention.
  const mention = new RegExp(`(?<![\\w$])(?<!(?<!\\.\\.)\\.)(?:${escaped.join("|")})(?![\\w$])`, "g");
  const read = new Map<string, Set<string>>();
  const whole = new Set<string>();
  for (const text of files) {
    let defined: Set<number> | undefined;
    for (const match of text.matchAll(mention)) {
      const name = match[0];
      if (whole.has(name)) continue;
      defined ??= definedAt(text);
      if (defined.has(match.index)) continue;
      const member = MEMBER.exec(text.slice(match.index + name.length, match.index + name.length + 200));
      if (member) read.set(name, (read.get(name) ?? new Set()).add(member[1]!));
      else if (!COMMENT_LINE.test(text.slice(text.lastIndexOf("\n", match.index) + 1, match.index))) whole.add(name);
    }
  }
  const unread = new Set<string>();
  for (const [name, keys] of tables) {
    const reads = read.get(name);
    if (whole.has(name) || !reads) continue;
    for (const key of keys) if (!reads.has(key)) unread.add(`${name}.${key}`);
  }
  return unread;
}

/** The keys of the object literal whose body starts at `from` (after its `{`), at its first level. */
function* firstLevelKeys(text: string, from: number): Generator<string> {
  let depth = 1;
  let expectKey = true;
  const end = Math.min(text.length, from + MAX_TABLE);
  for (let at = from; at < end; at++) {
    if (depth === 1 && expectKey) {
      KEY.lastIndex = at;
      const key = KEY.exec(text);
      if (key) yield key[1] ?? key[2] ?? key[3]!;
      expectKey = false;
    }
    const char = text[at];
    if (char === '"' || char === "'" || char === "`") at = closingQuote(text, at, end);
    else if (char === "/" && (text[at + 1] === "/" || text[at + 1] === "*")) {
      const close = text[at + 1] === "/" ? text.indexOf("\n", at) : text.indexOf("*/", at + 2);
      if (close < 0) return;
      at = close + (text[at + 1] === "/" ? 0 : 1);
    } else if (char === "{" || char === "[" || char === "(") depth++;
    else if (char === "}" || char === "]" || char === ")") {
      if (--depth === 0) return;
    } else if (char === "," && depth === 1) expectKey = true;
  }
}

/** Where the string opened by the quote at `at` closes (a template's `${...}` is skipped whole). */
function closingQuote(text: string, at: number, end: number): number {
  const quote = text[at];
  for (let next = at + 1; next < end; next++) {
    if (text[next] === "\\") next++;
    else if (text[next] === quote) return next;
    else if (quote !== "`" && text[next] === "\n") return next;
  }
  return end;
}
