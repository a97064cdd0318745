// The package pass for Python: what a package's modules show each other. A client keeps `timeout=None` and hands it
// to a transport class of another module (`from .transport import Transport`), which keeps it for the waits it makes
// later; judged alone, the client's None has no evidence. This pass finds, per module, the top-level classes and
// functions other modules import that keep a parameter's "no limit" for later waits or wait with it themselves
// (`Keeper`, `detect/python/keepers.ts`), following hand-ons across modules round by round (at most `ROUNDS`: a chain
// of clients, pools and connections), and counts the package's timeout-looking words per file. Only modules that
// define an imported name with a timeout-looking parameter are parsed; the rest is read as text.
import { basename, dirname, join, sep } from "node:path";
import type { Parser, Node as TsNode, Tree } from "web-tree-sitter";
import type { GuardConfig } from "./config.ts";
import { PyFacts } from "./detect/python/facts.ts";
import { Imports } from "./detect/python/imports.ts";
import { type AttributeReads, attributeReadsIn } from "./detect/python/attribute-reads.ts";
import { keeperFor, topLevelDefinitions } from "./detect/python/keepers.ts";
import { namedElsewhereIn } from "./detect/python/named-elsewhere.ts";
import { findDisplayParameters } from "./detect/python/package-displays.ts";
import { findLifetimeSettings } from "./detect/python/package-lifetimes.ts";
import { findMethodWaits } from "./detect/python/package-method-waits.ts";
import { type Keeper, keeperOf, type PythonFacts } from "./detect/python/package-keepers.ts";
import { MAX_MODULE, readableTree } from "./detect/python/package-modules.ts";
import { capturePython, pythonParser } from "./detect/python/parser.ts";
import { mayHoldFallback, scanPython } from "./detect/python/scan.ts";
import { setsSocketDefault } from "./detect/python/socket-default.ts";
import { withoutText } from "./detect/python/syntax.ts";
import { apiTimeoutPlace, Signatures } from "./detect/python/timeout-positions.ts";
import { isPython } from "./extensions.ts";
import { timeoutWord } from "./name-words.ts";
import { isPythonTimeoutName } from "./names.ts";
import { packageFileKey } from "./package-facts-shape.ts";

export type { Keeper, PythonFacts } from "./detect/python/package-keepers.ts";

const IMPORTS = ["import_statement", "import_from_statement"];
/** How many times the keepers are recomputed with what the previous round found in other modules. */
const ROUNDS = 3;

/** `from .conn import Connection, Pool as P`, `from . import (a, b)`: the module and the imported names' list. */
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)/gm;
/** `import pkg.conn`, `import pkg.conn as c`. */
const IMPORT = /^[ \t]*import[ \t]+([\w.]+)/gm;
/** A top-level `name = module` (`asyncio_timeout = asyncio`): a module bound to another name, if it is one. */
const MODULE_ASSIGNMENT = /^(\w+)[ \t]*=[ \t]*([A-Za-z_][\w.]*)[ \t]*(?:#.*)?$/gm;
/** Code that loads a module by a name in data (Flask's `config.from_object("config")`, `import_module(name)`). */
const LOADS_BY_NAME =
  /\b(?:from_object|from_pyfile|from_envvar|import_module|__import__|load_source|spec_from_file_location|run_path|run_module|execfile)\b/;
/** A top-level `class X` or `def x`. */
const TOP_DEFINITION = /^(?:async[ \t]+)?(?:class|def)[ \t]+(\w+)/gm;
/** The core of a timeout-looking word (`timeout`, `connect_timeout`, `DEADLINE`, `readTimeoutMs`): see `wordsIn`. */
const TIMEOUT_CORE = timeoutWord("python", "gi");
const WORD_CHAR = /\w/;
/** A module that may define a keeper: a timeout word (the parameters are read from the tree). */
const MAY_KEEP = timeoutWord("python", "i");
/** `class Device(httpx.AsyncClient):`, `class C(AsyncClient):`: a module that may define an httpx client class. */
const HTTPX_CLIENT_CLASS = /^[ \t]*class[ \t]+\w+\([^)]*\b(Async)?Client\b/m;

/** The Python facts of a package from its files' paths and texts (only `.py` files are read). */
export async function pythonPackageFacts(
  files: Iterable<readonly [path: string, text: string]>,
  config: GuardConfig,
): Promise<PythonFacts | undefined> {
  const modules = [...files].filter(([path]) => isPython(path));
  if (modules.length === 0) return undefined;
  const words: Record<string, number> = {};
  const attributes: Record<string, AttributeReads> = {};
  const bases: Record<string, string[]> = {};
  const imported = new Set<string>();
  // Names called with a timeout word in their arguments (`Transport(h, timeout=timeout)`): the only callees worth a parse.
  const called = new Set<string>();
  const calls = new Map<string, Set<string>>();
  const reexports: { path: string; module: string; name: string; alias: string }[] = [];
  const signatures = new Signatures();
  const fromOutside: Record<string, Record<string, string>> = {};
  // Modules that call `setdefaulttimeout` (strings and comments taken out only where it is named at all).
  const setters: string[] = [];
  // The package's folders (a star import or `from x.y import` of one of them is the package's own module) and the
  // timeout words some module may read from another's constants (`named-elsewhere.ts`).
  const folders = new Set(modules.flatMap(([path]) => dirname(path).split(/[\\/]/)));
  const elsewhere = new Set<string>();
  let loadsByName = false;
  const moduleFile = moduleFiles(modules.map(([path]) => path));
  for (const [path, text] of modules) {
    if (text.includes("setdefaulttimeout") && withoutText(text).includes("setdefaulttimeout")) setters.push(text);
    signatures.add(text);
    const found = wordsIn(text);
    for (const word of new Set(found.map(({ word }) => word))) words[word] = (words[word] ?? 0) + 1;
    attributeReadsIn(text, found, attributes, bases);
    namedElsewhereIn(text, found, folders, elsewhere, (module) => moduleFile(path, module));
    loadsByName ||= LOADS_BY_NAME.test(text);
    const mine = new Set<string>();
    calleesGiven(text, found, mine);
    calls.set(path, mine);
    for (const name of mine) called.add(name);
    for (const match of text.matchAll(FROM_IMPORT)) {
      for (const part of match[2]!.replace(/[()\\]/g, " ").split(",")) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (!name || !/^\w+$/.test(name)) continue;
        imported.add(name);
        const local = alias?.trim() || name;
        reexports.push({ path, module: match[1]!, name, alias: local });
        // `from urllib.request import urlopen` in `compat.py`: what `from .compat import urlopen` stands for.
        if (match[1]![0] !== ".") (fromOutside[packageFileKey(path)] ??= {})[local] ??= `${match[1]}.${name}`;
      }
    }
    const modulesHere = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      for (const part of match[1]!.split(".")) imported.add(part);
      // `import urllib.request as urllib` in csb's `io/__init__.py`: what `csb.io.urllib` stands for.
      const alias = /^[ \t]*as[ \t]+(\w+)/.exec(text.slice(match.index + match[0].length))?.[1];
      if (alias) (fromOutside[packageFileKey(path)] ??= {})[alias] ??= match[1]!;
      else modulesHere.add(match[1]!);
    }
    // `import asyncio` then `asyncio_timeout = asyncio` in snitun's `utils/asyncio.py`: what its importers'
    // `asyncio_timeout.timeout(5)` stands for. Only a module this file imports under its own name.
    if (modulesHere.size > 0)
      for (const match of text.matchAll(MODULE_ASSIGNMENT))
        if (modulesHere.has(match[2]!)) (fromOutside[packageFileKey(path)] ??= {})[match[1]!] ??= match[2]!;
  }
  const keepers: Record<string, Record<string, Keeper>> = {};
  const positions = signatures.positions(
    (name) => isPythonTimeoutName(name, config.extraTimeoutNames),
    apiTimeoutPlace(config.apis),
  );
  const parser = await pythonParser();
  const defaultTimeout = setters.some((text) => setsDefaultIn(parser, text));
  const namedElsewhere = [...elsewhere].sort();
  const python: PythonFacts = {
    keepers,
    words,
    positions,
    attributes,
    bases,
    defaultTimeout,
    imported: fromOutside,
    namedElsewhere,
    loadsByName,
  };
  findDisplayParameters(modules, python, config, parser, signatures, (name) =>
    isPythonTimeoutName(name, config.extraTimeoutNames),
  );
  findLifetimeSettings(modules, python, config, parser, (name) => isPythonTimeoutName(name, config.extraTimeoutNames));
  findMethodWaits(modules, python, config, parser);
  const trees: Tree[] = [];
  try {
    // Each candidate module's parse and facts, and the definitions other modules may name.
    const candidates: { path: string; facts: PyFacts; definitions: TsNode[] }[] = [];
    // The candidates whose module calls a name with a timeout argument, by that name (what a new keeper may change).
    const callers = new Map<string, Set<number>>();
    for (const [path, text] of modules) {
      // A module that defines an httpx client class keeps a timeout it never names (`client-subclasses.ts`).
      if (text.length > MAX_MODULE || !(MAY_KEEP.test(text) || HTTPX_CLIENT_CLASS.test(text))) continue;
      const whole = imported.has(basename(path, ".py")) || imported.has(basename(dirname(path)));
      const wanted = (name: string) => called.has(name) && (whole || imported.has(name));
      const named = [...text.matchAll(TOP_DEFINITION)].some((match) => wanted(match[1]!));
      if (!named) continue;
      const tree = readableTree(parser, text);
      if (!tree) continue;
      trees.push(tree);
      const definitions = [...topLevelDefinitions(tree.rootNode)]
        .filter(([name]) => wanted(name))
        .map(([, definition]) => definition);
      if (definitions.length === 0) continue;
      // The facts of the imports and the wanted definitions only: the rest of the module is not judged here.
      const fallbacks = mayHoldFallback(text);
      const nodes = [
        ...capturePython(tree.rootNode, IMPORTS),
        ...definitions.flatMap((definition) => scanPython(definition, false, fallbacks).nodes),
      ].sort((a, b) => a.startIndex - b.startIndex);
      const facts = new PyFacts({ ...config, path, python }, text);
      facts.collect(nodes);
      for (const name of calls.get(path) ?? []) {
        const known = callers.get(name) ?? new Set<number>();
        known.add(candidates.length);
        callers.set(name, known);
      }
      candidates.push({ path, facts, definitions });
    }
    // Round by round; after the first, only modules that call a name that became a keeper in the last round.
    let fresh: Set<string> | undefined;
    for (let round = 0; round < ROUNDS && (fresh === undefined || fresh.size > 0); round++) {
      const found = new Set<string>();
      const due = fresh
        ? [...new Set([...fresh].flatMap((name) => [...(callers.get(name) ?? [])]))].sort((a, b) => a - b)
        : candidates.map((_, index) => index);
      for (const index of due) {
        const { path, facts, definitions } = candidates[index]!;
        const key = packageFileKey(path);
        for (const definition of definitions) {
          const name = definition.childForFieldName("name")!.text;
          const keeper = keeperFor(facts, definition);
          const known = keepers[key]?.[name];
          if (JSON.stringify(keeper) === JSON.stringify(known)) continue;
          found.add(name);
          if (keeper) (keepers[key] ??= {})[name] = keeper;
          else if (keepers[key]) delete keepers[key][name];
        }
      }
      // `from .client import Client` in `__init__.py`: the package's modules import it from there too.
      for (const { path, module, name, alias } of reexports) {
        const keeper = keeperOf(python, path, module.endsWith(".") ? `${module}${name}` : `${module}.${name}`);
        const key = packageFileKey(path);
        if (keeper && keepers[key]?.[alias] === undefined) {
          (keepers[key] ??= {})[alias] = keeper;
          found.add(alias);
        }
      }
      fresh = found;
    }
  } finally {
    for (const tree of trees) tree.delete();
  }
  return python;
}

// Whether a module's `socket.setdefaulttimeout(...)` sets a limit (`setsSocketDefault`), from its parse.
function setsDefaultIn(parser: Parser, text: string): boolean {
  const tree = parser.parse(text);
  if (!tree) return false;
  try {
    const imports = new Imports();
    for (const node of capturePython(tree.rootNode, IMPORTS)) imports.note(node);
    return setsSocketDefault(tree.rootNode, imports);
  } finally {
    tree.delete();
  }
}

/** How far before a timeout word the call it is an argument of is looked for. */
const CALL_WINDOW = 600;

/**
 * The callees a text calls with a timeout word in the arguments, by their last name (`Transport(..., timeout=timeout)`,
 * `conn.Connection(timeout)`; `Base.__init__(self, t)` counts as `Base`, and `super().__init__(t)` as every base
 * the text's classes name): found from each timeout word back to the unclosed parenthesis before it.
 */
function calleesGiven(text: string, found: readonly { start: number }[], out: Set<string>): void {
  let supers = false;
  for (const { start } of found) {
    let depth = 0;
    for (let at = start - 1; at >= 0 && at > start - CALL_WINDOW; at--) {
      const char = text[at];
      if (char === ")" || char === "]" || char === "}") depth++;
      else if (char === "[" || char === "{") {
        if (depth-- === 0) break;
      } else if (char === "(") {
        if (depth-- > 0) continue;
        const callee = /([\w.]+(?:\(\))?(?:\.\w+)?)\s*$/.exec(text.slice(Math.max(0, at - 200), at))?.[1] ?? "";
        const parts = callee.split(".");
        if (parts.at(-1) === "__init__") {
          if (parts.at(-2) === "super()") supers = true;
          else if (parts.length > 1) out.add(parts.at(-2)!);
        } else if (parts.at(-1)) out.add(parts.at(-1)!);
        break;
      }
    }
  }
  if (supers)
    for (const bases of text.matchAll(/^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)/gm))
      for (const base of bases[1]!.split(",")) out.add(base.trim().split(".").pop()!);
}

/** The timeout-looking words of a text and where each starts (the word around each core, found without backtracking). */
function wordsIn(text: string): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  let end = 0;
  for (const match of text.matchAll(TIMEOUT_CORE)) {
    if (match.index < end) continue;
    let start = match.index;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
    end = match.index + match[0].length;
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    words.push({ word: text.slice(start, end), start });
  }
  return words;
}

/**
 * The package's module files a `from <module> import` in the module at `path` may name: `.helper` beside it
 * (`helper.py` or `helper/__init__.py`), `..` the parent folder's `__init__.py`, `pkg.api.helper` any module whose path
 * ends that way. Empty when none does (a module from outside the package, or one the pass was not given).
 */
function moduleFiles(paths: readonly string[]): (path: string, module: string) => string[] {
  const keys = new Set(paths.map(packageFileKey));
  const byName = new Map<string, string[]>();
  for (const key of keys) {
    const name = basename(key) === "__init__.py" ? basename(dirname(key)) : basename(key, ".py");
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  return (path, module) => {
    const dots = /^\.*/.exec(module)![0].length;
    const parts = module.slice(dots).split(".").filter(Boolean);
    if (dots > 0) {
      let folder = dirname(packageFileKey(path));
      for (let up = 1; up < dots; up++) folder = dirname(folder);
      const base = join(folder, ...parts);
      const candidates = parts.length === 0 ? [join(base, "__init__.py")] : [`${base}.py`, join(base, "__init__.py")];
      return candidates.filter((candidate) => keys.has(candidate));
    }
    const tail = sep + join(...parts);
    return (byName.get(parts.at(-1) ?? "") ?? []).filter(
      (key) => key.endsWith(`${tail}.py`) || key.endsWith(join(tail, "__init__.py")),
    );
  };
}
