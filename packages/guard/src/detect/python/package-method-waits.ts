// The package pass's waiting methods: a method the package defines that waits with its timeout parameter unchanged,
// in every definition of its name (aiohasupervisor's `_SupervisorClient.post(self, uri, *, timeout=DEFAULT_TIMEOUT)`
// hands `timeout` through `self._request` to aiohttp's `session.request`). A call of it with an explicit
// `timeout=None` (`await self._client.post(f"addons/{addon}/restart", timeout=None)` in another module) switches the
// bound off: the request waits without limit (`timeout-arguments.ts`). A call that hands it a timeout-looking name
// (slidge's `session.wait_for_ready(timeout)`, which runs `asyncio.wait_for(..., timeout)`) is a wait with that value
// (`own-callee-waits.ts`), by keyword or by place. Only names some module calls so are looked up, and only the modules
// defining them are parsed; each further round sees the methods the one before found (a method handing its timeout to
// another).
import type { Parser as TsParser, Node as TsNode } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import type { PythonFacts } from "./package-keepers.ts";
import { eachReadModule } from "./package-modules.ts";
import { waitsWith } from "./settings.ts";
import { parameterName } from "./syntax.ts";

/** `.post(..., timeout=None)`: a method called with a timeout-looking keyword set to None (on one line). */
const NONE_CALL = /\.(\w+)\([^)\n]*\b(\w*time_?out\w*)[ \t]*=[ \t]*None\b/gi;
/** `.wait_for_ready(timeout)`, `.fetch(url, timeout=self.timeout)`: a method handed a timeout-looking name (in its first 300 characters). */
const HANDED_CALL = /\.(\w+)\((?:[^()]|\([^()]*\)){0,300}?\b\w*time_?out/gi;
/** A method's signature up to its first `)` (over lines): `def wait_for_ready(self, timeout=10`. */
const SIGNATURE = /^[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(([^)]*)/gm;
const TIMEOUT_PARAMETER = /time_?out|deadline/i;
/** How many times the definitions are judged (each with the methods the one before found: a chain of hand-ons). */
const ROUNDS = 3;

/** What one definition waits with: parameter names, and the places (`self` left out) of the positional ones. */
interface Waits {
  readonly names: Set<string>;
  readonly places: Set<number>;
  /** The keywords a call of it may pass (undefined: any, through `**kwargs`). */
  readonly accepts: Set<string> | undefined;
}

/**
 * Fills `python.methodWaits` (method name -> the timeout parameters every definition of it waits with) and
 * `python.methodPlaces` (-> the places every definition has a parameter it waits with).
 */
export function findMethodWaits(
  modules: readonly (readonly [string, string])[],
  python: PythonFacts,
  config: GuardConfig,
  parser: TsParser,
): void {
  // Per name: the keywords a None call names, or every timeout-looking parameter for a call that hands one on.
  const wanted = new Map<string, Set<string> | "all">();
  for (const [, text] of modules) {
    for (const match of text.matchAll(NONE_CALL)) {
      const keywords = wanted.get(match[1]!) ?? new Set<string>();
      if (keywords !== "all") keywords.add(match[2]!);
      wanted.set(match[1]!, keywords);
    }
    for (const match of text.matchAll(HANDED_CALL)) wanted.set(match[1]!, "all");
  }
  // Only a method some definition of which takes a timeout-looking parameter can wait with one (most handed names are
  // a library's `get` or `request`, which the package does not define): the rest is not parsed for.
  const takesTimeout = new Set<string>();
  for (const [, text] of modules)
    for (const match of text.matchAll(SIGNATURE)) if (TIMEOUT_PARAMETER.test(match[2]!)) takesTimeout.add(match[1]!);
  for (const name of wanted.keys()) if (!takesTimeout.has(name)) wanted.delete(name);
  if (wanted.size === 0) return;
  // A method's definition (indented); every one is read, and one that does not wait with it keeps the name out.
  const defines = new RegExp(`^[ \\t]+(?:async[ \\t]+)?def[ \\t]+(${[...wanted.keys()].join("|")})[ \\t]*\\(`, "m");
  const defining = modules.filter(([, text]) => defines.test(text));
  if (defining.length === 0) return;
  const writable = python as { methodWaits?: Record<string, string[]>; methodPlaces?: Record<string, number[]> };
  for (let round = 0; round < ROUNDS; round++) {
    // Per method name: per definition, what it waits with.
    const found = new Map<string, Waits[]>();
    const add = (name: string, waits: Waits) => found.set(name, [...(found.get(name) ?? []), waits]);
    eachReadModule(
      defining,
      { parser, config, python },
      () => true,
      ({ tree, facts }) => {
        for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
          const name = fn?.childForFieldName("name")?.text;
          const want = name !== undefined ? wanted.get(name) : undefined;
          // A method (a module function is called on its module, which `ownFunctionWaitsWith` reads through its keeper).
          if (!fn || !want || !classOf(fn)) continue;
          add(name!, definitionWaits(facts, fn, want));
        }
      },
      // A module not read (too large, or not parsing): its definitions are unknown, so its names wait with nothing.
      (text) => {
        for (const match of text.matchAll(new RegExp(defines.source, "gm")))
          add(match[1]!, { names: new Set(), places: new Set(), accepts: undefined });
      },
    );
    const methodWaits: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
    const methodPlaces: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
    for (const [name, definitions] of found) {
      const [first, ...rest] = definitions;
      // A keyword call runs only a definition that takes the keyword (slidge's other `_get_session(self, jid)` is not
      // what `self._get_session(m, timeout=None)` runs).
      const keywords = new Set(definitions.flatMap((waits) => [...waits.names]));
      const names = [...keywords].filter((keyword) =>
        definitions.every((waits) => waits.names.has(keyword) || (waits.accepts && !waits.accepts.has(keyword))),
      );
      const places = [...first!.places].filter((place) => rest.every((waits) => waits.places.has(place)));
      if (names.length > 0) methodWaits[name] = names;
      if (places.length > 0) methodPlaces[name] = places;
    }
    const same =
      JSON.stringify(methodWaits) === JSON.stringify(writable.methodWaits ?? {}) &&
      JSON.stringify(methodPlaces) === JSON.stringify(writable.methodPlaces ?? {});
    writable.methodWaits = methodWaits;
    writable.methodPlaces = methodPlaces;
    if (same) break;
  }
}

// The wanted parameters of `fn` it waits with unchanged, by name and, before a `*`, `*args` or `**kwargs`, by place.
function definitionWaits(facts: PyFacts, fn: TsNode, want: Set<string> | "all"): Waits {
  const names = new Set<string>();
  const places = new Set<number>();
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p): p is TsNode => p !== null && p.type !== "comment" && p.type !== "positional_separator",
  );
  // `self` (or `cls`) is not a place a call fills; a static method has none.
  const skip = parameters[0] && /^(self|cls)$/.test(parameterName(parameters[0]) ?? "") ? 1 : 0;
  let positional = true;
  let accepts: Set<string> | undefined = new Set<string>();
  for (const [at, parameter] of parameters.entries()) {
    if (/splat|keyword_separator/.test(parameter.type)) positional = false;
    if (parameter.type === "dictionary_splat_pattern") accepts = undefined;
    const name = parameterName(parameter);
    if (name) accepts?.add(name);
    if (at < skip || !name || (want === "all" ? !facts.isTimeout(name) : !want.has(name))) continue;
    if (!waitsWith(facts, fn, name)) continue;
    names.add(name);
    if (positional) places.add(at - skip);
  }
  return { names, places, accepts };
}
