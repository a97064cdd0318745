// The package pass's waiting methods: a method the package defines that waits with its timeout parameter unchanged,
// in every definition of its name (aiohasupervisor's `_SupervisorClient.post(self, uri, *, timeout=DEFAULT_TIMEOUT)`
// hands `timeout` through `self._request` to aiohttp's `session.request`). A call of it with an explicit
// `timeout=None` (`await self._client.post(f"addons/{addon}/restart", timeout=None)` in another module) switches the
// bound off: the request waits without limit (`timeout-arguments.ts`). Only names some module calls with a timeout
// keyword set to None are looked up, and only the modules defining them are parsed.
import type { Parser as TsParser } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { classOf } from "./callees.ts";
import type { PythonFacts } from "./package-keepers.ts";
import { eachReadModule } from "./package-modules.ts";
import { waitsWith } from "./settings.ts";

/** `.post(..., timeout=None)`: a method called with a timeout-looking keyword set to None (on one line). */
const NONE_CALL = /\.(\w+)\([^)\n]*\b(\w*time_?out\w*)[ \t]*=[ \t]*None\b/gi;

/** Fills `python.methodWaits`: method name -> the timeout parameters every definition of it waits with. */
export function findMethodWaits(
  modules: readonly (readonly [string, string])[],
  python: PythonFacts,
  config: GuardConfig,
  parser: TsParser,
): void {
  const wanted = new Map<string, Set<string>>();
  for (const [, text] of modules)
    for (const match of text.matchAll(NONE_CALL)) {
      const keywords = wanted.get(match[1]!) ?? new Set<string>();
      keywords.add(match[2]!);
      wanted.set(match[1]!, keywords);
    }
  if (wanted.size === 0) return;
  // A method's definition (indented); every one is read, and one that does not wait with it keeps the name out.
  const defines = new RegExp(`^[ \\t]+(?:async[ \\t]+)?def[ \\t]+(${[...wanted.keys()].join("|")})[ \\t]*\\(`, "m");
  // Per method name: per definition, the wanted keywords it waits with.
  const found = new Map<string, Set<string>[]>();
  // A module not read (too large, or not parsing): its definitions are unknown, so its names wait with nothing.
  const unknown = (text: string) => {
    for (const match of text.matchAll(new RegExp(defines.source, "gm")))
      found.set(match[1]!, [...(found.get(match[1]!) ?? []), new Set()]);
  };
  eachReadModule(
    modules,
    { parser, config, python },
    (text) => defines.test(text),
    ({ tree, facts }) => {
      for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
        const name = fn?.childForFieldName("name")?.text;
        const keywords = name !== undefined ? wanted.get(name) : undefined;
        // A method (a module function is called on its module, which `ownFunctionWaitsWith` reads through its keeper).
        if (!fn || !keywords || !classOf(fn)) continue;
        const waits = new Set([...keywords].filter((keyword) => waitsWith(facts, fn, keyword)));
        found.set(name!, [...(found.get(name!) ?? []), waits]);
      }
    },
    unknown,
  );
  const methodWaits: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, definitions] of found) {
    const every = [...wanted.get(name)!].filter((keyword) => definitions.every((waits) => waits.has(keyword)));
    if (every.length > 0) methodWaits[name] = every;
  }
  (python as { methodWaits?: Record<string, string[]> }).methodWaits = methodWaits;
}
