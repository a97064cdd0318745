// Static fields of a class that nothing in the package reads: the Stainless-generated `@snagsolutions/sdk` declares
// `static DEFAULT_TIMEOUT = 60000` (compiled to `SnagSolutions.DEFAULT_TIMEOUT = 60000;`) while its constructor
// passes its own literal `timeout: options.timeout ?? 60000`. No file of the package names the field again: the value
// bounds nothing here (a constant for callers, like a Python module constant nothing reads). Decided on the whole
// package's text by the package pass (a static is read through its class from any module); without package facts
// nothing is unread.
import type { EsNode } from "./ast.ts";

/** Names a timeout-like static may have (the rest is never a finding: not worth a count). */
const TIMEOUT_LIKE = /time_?out|deadline|wait/i;
/** `static DEFAULT_TIMEOUT = 60000`, `static readonly X: number = 5;`, a declaration's `static X: number;`. */
const STATIC_DEFINITION =
  /\bstatic\s+(?:(?:readonly|override|public|protected|private|declare)\s+)*([A-Za-z_$][\w$]*)\s*[?!]?\s*(?::[^=;\n]{1,80})?[=;]/g;
/** Compiled TypeScript's static at the start of a line: `SnagSolutions.DEFAULT_TIMEOUT = 60000;`. */
const COMPILED_STATIC = /^[ \t]*([A-Z][\w$]*)\.([A-Za-z_$][\w$]*)[ \t]*=(?!=)/gm;
const HAS_COMPILED_STATIC = new RegExp(COMPILED_STATIC.source, "m");

/** The timeout-like static fields of `files` (JavaScript and TypeScript texts) that no file names but to define. */
export function unreadStaticNames(files: readonly string[]): Set<string> {
  const definitions = new Map<string, number>();
  for (const text of files) {
    if (!text.includes("static") && !HAS_COMPILED_STATIC.test(text)) continue;
    for (const [name, owner] of staticsIn(text))
      if (TIMEOUT_LIKE.test(name) && (owner === undefined || declaresClass(text, owner)))
        definitions.set(name, (definitions.get(name) ?? 0) + 1);
  }
  if (definitions.size === 0) return new Set();
  const names = [...definitions.keys()];
  const mention = new RegExp(
    `(?<![\\w$])(?:${names.map((name) => name.replace(/\$/g, "\\$")).join("|")})(?![\\w$])`,
    "g",
  );
  const mentions = new Map<string, number>();
  for (const text of files)
    for (const [name] of text.matchAll(mention)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  return new Set(names.filter((name) => mentions.get(name) === definitions.get(name)));
}

/** Every static definition in `text`: its name, and for a compiled one the class it is set on. */
function* staticsIn(text: string): Generator<[name: string, owner: string | undefined]> {
  for (const match of text.matchAll(STATIC_DEFINITION)) yield [match[1]!, undefined];
  for (const match of text.matchAll(COMPILED_STATIC)) yield [match[2]!, match[1]!];
}

/** `class SnagSolutions`, `function SnagSolutions(`, `var SnagSolutions = /** @class *\/ (function`: a class here. */
function declaresClass(text: string, name: string): boolean {
  const escaped = name.replace(/\$/g, "\\$");
  return new RegExp(`\\b(?:class|function)\\s+${escaped}(?![\\w$])|\\b${escaped}\\s*=\\s*/\\*\\*\\s*@class`).test(text);
}

/**
 * Adds to `notDurations` this file's sites that define a static of `names` (the package pass's `unreadStaticNames`):
 * `static NAME = 60000` in a class body, `Klass.NAME = 60000;` on a class this file declares.
 */
export function markUnreadStatics(
  sites: readonly EsNode[],
  names: ReadonlySet<string> | undefined,
  source: string,
  notDurations: Set<EsNode>,
): void {
  if (!names || names.size === 0) return;
  for (const site of sites) {
    if (site.type === "PropertyDefinition" && site.static === true) {
      const key = site.key as EsNode;
      if (!site.computed && key.type === "Identifier" && names.has(key.name as string)) notDurations.add(site);
      continue;
    }
    if (site.type !== "AssignmentExpression" || site.operator !== "=") continue;
    const left = site.left as EsNode;
    if (left.type !== "MemberExpression" || left.computed) continue;
    const object = left.object as EsNode;
    const property = left.property as EsNode;
    if (object.type !== "Identifier" || !names.has(property.name as string)) continue;
    if (declaresClass(source, object.name as string)) notDurations.add(site);
  }
}
