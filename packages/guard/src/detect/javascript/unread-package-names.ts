// Names a package defines for others and never reads itself: the Stainless-generated `@snagsolutions/sdk` declares
// `static DEFAULT_TIMEOUT = 60000` (compiled to `SnagSolutions.DEFAULT_TIMEOUT = 60000;`) while its constructor passes
// its own literal; @libp2p/tcp exports `SOCKET_TIMEOUT` from `constants.ts` that no module imports; @qified/redis
// exports `defaultTimeout` as `defaultTaskTimeout` while its constructor writes its own `3e4`. No file of the package
// reads the name: the value bounds nothing here (a constant for callers, like a Python module constant nothing reads).
// Decided on the whole package's text by the package pass (an export is read through an import from any module);
// without package facts nothing is unread.
import { isBareTimeoutName } from "../../name-words.ts";
import { destinationOf, type EsNode, FUNCTION_TYPES, propertyName, span, unwrap } from "./ast.ts";
import { unreadEntries } from "./unread-entry-keys.ts";

/** Names worth a count: the rest is never a finding (`await` is no wait: most files say it, and each was scanned). */
export const TIMEOUT_LIKE = /time_?out|deadline|(?<!a)wait/i;
/**
 * A defaults table offered to others (`export const DEFAULT_CONFIG = { toolCallTimeout: 10000 }`, mcp-test-client,
 * fresh243; @ws-kit/core's `DEFAULTS`, fresh244): when no file reads the table, no file reads its timeouts. Only names
 * that say "defaults": a bare `config` or `options` export is read by a framework by convention (Next.js, k6).
 */
const DEFAULTS_TABLE = /^(DEFAULTS?|DEFAULT_[A-Z0-9_]+|defaults?[A-Z][\w$]*)$/;
const NAME = "(?<name>[A-Za-z_$][\\w$]*)";
/**
 * A class's instance field written at the start of its line (`requestTimeout = 5e3;` in pangea-node-sdk's
 * `PangeaConfig`, fresh339), with its modifiers and type: offered to whoever holds an instance.
 */
const fieldOf = (name: string) =>
  `^[ \\t]*(?:(?:readonly|public|protected|private|declare|override)\\s+)*${name}\\s*[?!]?\\s*(?::[^=;\\n]{1,80})?=(?![=>])`;
const INSTANCE_FIELD = fieldOf(NAME);
/**
 * A field set on `this` (`this._healthCheckTimeout = config.healthCheckTimeout || 1e3`) or declared without a value
 * (`_healthCheckTimeout;`): a write, not a read. Only a field named as private (`_`) is offered by its writes
 * (amazon-dax-client's cluster, fresh363): a public one may be read by a base class of another library.
 */
const THIS_FIELD = (name: string) => `\\bthis\\.${name}\\s*=(?![=>])`;
const DECLARED_FIELD = `^[ \\t]*(?:(?:readonly|public|protected|private|declare|override)\\s+)*${NAME}\\s*[?!]?\\s*(?::[^=;\\n]{1,80})?;`;

/**
 * The spellings that define or export a name without reading it, each capturing the name: a static field (and its
 * declaration), a compiled static on a class, a `const`/`let`/`var` (exported or declared), a CommonJS export, a local
 * exported under another name (`exports.alias = NAME;`), TypeScript's re-export getter.
 */
const DEFINITIONS = [
  `\\bstatic\\s+(?:(?:readonly|override|public|protected|private|declare)\\s+)*${NAME}\\s*[?!]?\\s*(?::[^=;\\n]{1,80})?[=;]`,
  `^[ \\t]*(?<owner>[A-Z][\\w$]*)\\.${NAME}[ \\t]*=(?!=)`,
  `\\b(?:const|let|var)\\s+${NAME}\\b`,
  `\\b(?:module\\.)?exports\\.${NAME}\\s*=(?!=)`,
  `\\bexports\\.[\\w$]+\\s*=\\s*${NAME}\\s*;`,
  `\\bObject\\.defineProperty\\(\\s*exports\\s*,\\s*["']${NAME}["']`,
  `\\bget:\\s*function\\s*\\(\\)\\s*\\{\\s*return\\s+[\\w$]+\\.${NAME};\\s*\\}`,
  INSTANCE_FIELD,
  THIS_FIELD(NAME),
  DECLARED_FIELD,
].map((source) => new RegExp(source, "dgm"));
/**
 * The spellings that offer a name to others, each capturing it: a static field or a compiled one, an exported
 * declaration, a CommonJS export, a local exported under another name (and an export list's names, `EXPORT_LIST`).
 * Only these are candidates (a plain local `const timeout` is judged in its file); `DEFINITIONS` then tells every
 * mention that reads nothing.
 */
const OFFERED = [
  DEFINITIONS[0]!,
  DEFINITIONS[1]!,
  new RegExp(`\\bexport\\s+(?:declare\\s+)?(?:const|let|var)\\s+${NAME}\\b`, "dgm"),
  DEFINITIONS[3]!,
  DEFINITIONS[4]!,
  // Only timeout-like names, in the pattern itself: every assignment at a line's start would match the general one.
  new RegExp(fieldOf("(?<name>[\\w$]*(?:time_?out|deadline|wait)[\\w$]*)"), "dgmi"),
  new RegExp(THIS_FIELD("(?<name>_[\\w$]*(?:time_?out|deadline|wait)[\\w$]*)"), "dgi"),
];
/** `export { a, defaultTimeout as defaultTaskTimeout }`: every name in the list is exported, none read. */
const EXPORT_LIST = /\bexport\s*(?:type\s*)?\{([^}]*)\}/dg;
/**
 * esbuild's CommonJS export map and its annotation for Node's export lexer: `__export(src_exports, { NAME: () =>
 * NAME, ... })`, `0 && (module.exports = { NAME, ... })`: the key exports a name, and so does the getter's
 * local when it is the same name (a getter of another name, `{ timeout: () => limit }`, reads it).
 */
const EXPORT_GETTER = /(?<![\w$.])(?<name>[A-Za-z_$][\w$]*)\s*:\s*\(\)\s*=>\s*(?<local>[A-Za-z_$][\w$]*)\s*(?=[,}])/dg;
const EXPORT_ANNOTATION = /\b0\s*&&\s*\(\s*module\.exports\s*=\s*\{([^}]*)\}/dg;
/**
 * `import { A, B } from "./constants"`, `const { A, B } = require("./constants")`: a name brought in is read, if at
 * all, where the file uses it, not in the list (a name renamed there, `A as limit`, counts as read: `limit` is not
 * followed).
 */
const IMPORT_LISTS = [
  /\bimport\s*(?:type\s*)?\{([^}]*)\}\s*from\b/dg,
  /\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(/dg,
];
/**
 * A name only compared in a test's assertion (plaited's `expect(DEFAULT_PROTOCOL_TIMEOUT).toBe(30000)`): nothing
 * waits there. The name alone is the argument, bare or through a module (`constants_1.NAME`).
 */
const ASSERTED = new RegExp(
  `(?:\\bexpect|\\bassert(?:\\.[\\w$]+)?|\\.to(?:Be|Equal|StrictEqual))\\(\\s*(?:[\\w$]+\\.)?${NAME}\\s*[,)]`,
  "dg",
);
/** A test's title that names it (`test('DEFAULT_PROTOCOL_TIMEOUT is 30 seconds', ...)`): words, not a read. */
const TITLED = new RegExp(
  `\\b(?:it|test|describe)(?:\\.[\\w$]+)?\\(\\s*(["'\`])(?:(?!\\1)[^\\n])*?(?<![\\w$])${NAME}`,
  "dg",
);

/**
 * Where `text` mentions a name without reading it (its definitions, exports, imports, assertions and test titles), by
 * offset.
 */
export function definedAt(text: string): Set<number> {
  const offsets = new Set<number>();
  for (const pattern of [...DEFINITIONS, ASSERTED, TITLED])
    for (const match of text.matchAll(pattern))
      if (match.indices?.groups?.name) offsets.add(match.indices.groups.name[0]);
  for (const match of text.matchAll(EXPORT_GETTER)) {
    offsets.add(match.indices!.groups!.name![0]);
    if (match.groups!.local === match.groups!.name) offsets.add(match.indices!.groups!.local![0]);
  }
  for (const match of [...text.matchAll(EXPORT_LIST), ...text.matchAll(EXPORT_ANNOTATION)]) {
    const [start] = match.indices![1]!;
    for (const name of match[1]!.matchAll(/[A-Za-z_$][\w$]*/g)) offsets.add(start + name.index);
  }
  for (const pattern of IMPORT_LISTS)
    for (const match of text.matchAll(pattern)) {
      let at = match.indices![1]![0];
      for (const item of match[1]!.split(",")) {
        const name = /^(\s*(?:type\s+)?)[A-Za-z_$][\w$]*\s*$/.exec(item);
        if (name) offsets.add(at + name[1]!.length);
        at += item.length + 1;
      }
    }
  return offsets;
}

/**
 * The timeout-like names the package's JavaScript and TypeScript `files` offer to others (`OFFERED`, `EXPORT_LIST`)
 * that no file mentions but to define or export them.
 */
export function unreadPackageNames(files: readonly string[]): Set<string> {
  const candidates = new Set<string>();
  for (const text of files) {
    if (!TIMEOUT_LIKE.test(text)) continue;
    for (const pattern of OFFERED) {
      for (const match of text.matchAll(pattern)) {
        const { name, owner } = match.groups!;
        // An instance field named `timeout` is what a client library reads off any options object it is handed.
        if (pattern === OFFERED.at(-2) && isBareTimeoutName(name!)) continue;
        // `Klass.NAME = 60000` on a class this file declares: `Bluebird.TIMEOUT = 5000` sets another library's.
        if (
          (TIMEOUT_LIKE.test(name!) || DEFAULTS_TABLE.test(name!)) &&
          (owner === undefined || declaresClass(text, owner))
        )
          candidates.add(name!);
      }
    }
    for (const list of text.matchAll(EXPORT_LIST))
      for (const [name] of list[1]!.matchAll(/[A-Za-z_$][\w$]*/g))
        if (TIMEOUT_LIKE.test(name) || DEFAULTS_TABLE.test(name)) candidates.add(name);
  }
  if (candidates.size === 0) return new Set();
  const escaped = [...candidates].map((name) => name.replace(/\$/g, "\\$"));
  const mention = new RegExp(`(?<![\\w$])(?:${escaped.join("|")})(?![\\w$])`, "g");
  const read = new Set<string>();
  for (const text of files) {
    let defined: Set<number> | undefined;
    for (const match of text.matchAll(mention)) {
      if (read.has(match[0])) continue;
      defined ??= definedAt(text);
      if (!defined.has(match.index)) read.add(match[0]);
    }
  }
  return new Set([...candidates].filter((name) => !read.has(name)));
}

/**
 * Adds to `notDurations` this file's sites that define a name of `names` (the package pass's `unreadPackageNames`):
 * `static NAME = 60000`, `Klass.NAME = 60000;`, `exports.NAME = 500;`, a top-level `const NAME = 500`.
 */
export function markUnreadPackageNames(
  program: EsNode,
  sites: readonly EsNode[],
  names: ReadonlySet<string> | undefined,
  source: string,
  notDurations: Set<EsNode>,
): void {
  if (!names || names.size === 0) return;
  const ranges = [...unreadTables(program, names, source), ...unreadEntries(program, names, source)];
  for (const site of sites) {
    const name = definedName(site, source);
    if (name === undefined || !names.has(name)) continue;
    notDurations.add(site);
    // A definition's value with it (`this._healthCheckTimeout = config.healthCheckTimeout || 1e3` is a fallback's
    // site), unless it is a function or a class: an exported helper nothing in the package calls still waits when
    // its callers call it.
    const value = destinationOf(site)?.value;
    const type = value ? unwrap(value).type : "";
    if (!FUNCTION_TYPES.has(type) && !type.startsWith("Class")) ranges.push(span(site));
  }
  for (const site of sites) {
    const [from] = span(site);
    if (ranges.some(([start, end]) => start <= from && from < end)) notDurations.add(site);
  }
}

/**
 * [start, end) of the object literals the file's top level stores under an unread name (`export const DEFAULTS = {
 * ... }`, `exports.DEFAULT_CONFIG = { ... }`): every entry of the table is unread with it; and of the entries whose
 * `table.key` is unread.
 */
function unreadTables(program: EsNode, names: ReadonlySet<string>, source: string): [number, number][] {
  const tables: [number, number][] = [];
  const add = (name: string | undefined, value: EsNode | null | undefined) => {
    const object = value ? unwrap(value) : undefined;
    if (name === undefined || object?.type !== "ObjectExpression") return;
    if (names.has(name)) tables.push(span(object));
    // A key of a table read only key by key that nothing reads (`unread-table-keys.ts`).
    else
      for (const property of object.properties as EsNode[]) {
        const key = property.type === "Property" ? propertyName(property) : undefined;
        if (key !== undefined && names.has(`${name}.${key}`)) tables.push(span(property));
      }
  };
  for (const statement of program.body as EsNode[]) {
    const declaration =
      statement.type === "ExportNamedDeclaration" ? (statement.declaration as EsNode | null) : statement;
    if (declaration?.type === "VariableDeclaration")
      for (const declarator of declaration.declarations as EsNode[])
        if ((declarator.id as EsNode).type === "Identifier")
          add((declarator.id as EsNode).name as string, declarator.init as EsNode | null);
    if (
      declaration?.type === "ExpressionStatement" &&
      (declaration.expression as EsNode).type === "AssignmentExpression"
    ) {
      const assignment = declaration.expression as EsNode;
      add(definedName(assignment, source), assignment.right as EsNode);
    }
  }
  return tables;
}

/**
 * The name a site defines: a static field's, a member set on `exports` or on a class this file declares
 * (`Klass.NAME = ...`), a private field set on `this`, a declarator's.
 */
function definedName(site: EsNode, source: string): string | undefined {
  if (site.type === "PropertyDefinition" && !site.computed)
    return (site.key as EsNode).type === "Identifier" ? ((site.key as EsNode).name as string) : undefined;
  if (site.type === "AssignmentExpression" && site.operator === "=") {
    const left = site.left as EsNode;
    if (left.type !== "MemberExpression" || left.computed) return undefined;
    const object = left.object as EsNode;
    const exported =
      (object.type === "Identifier" && object.name === "exports") ||
      (object.type === "MemberExpression" && source.slice(...span(object)) === "module.exports");
    const owned = object.type === "Identifier" && declaresClass(source, object.name as string);
    const name = (left.property as EsNode).name as string | undefined;
    // `this._healthCheckTimeout = ...`: a private field's write (`THIS_FIELD`).
    if (object.type === "ThisExpression") return name?.startsWith("_") ? name : undefined;
    return exported || owned ? name : undefined;
  }
  if (site.type === "VariableDeclarator" && (site.id as EsNode).type === "Identifier")
    return (site.id as EsNode).name as string;
  return undefined;
}

/** `class SnagSolutions`, `function SnagSolutions(`, `var SnagSolutions = /** @class *\/ (function`: a class here. */
function declaresClass(text: string, name: string): boolean {
  const escaped = name.replace(/\$/g, "\\$");
  return new RegExp(`\\b(?:class|function)\\s+${escaped}(?![\\w$])|\\b${escaped}\\s*=\\s*/\\*\\*\\s*@class`).test(text);
}
