// The package pass's display-only parameters (`display-parameters.ts`): for each function or method name, the timeout
// parameters that every definition of it in the package reads only as how long a message shows. Only modules that
// name a display call are parsed, then (one more round) the modules that call a name the first round found, so a
// `notify(self, text, timeout=5)` that hands its `timeout` to a display-only `send` is found too.
import type { Parser as TsParser, Node as TsNode, Tree } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { classOf } from "./callees.ts";
import { findDisplayAttributes, type ParseModule } from "./display-attributes.ts";
import { displayOnly } from "./display-parameters.ts";
import { PyFacts } from "./facts.ts";
import type { DisplayParameters, PythonFacts } from "./package-keepers.ts";
import { firstSyntaxError } from "./parser.ts";
import { scanPython } from "./scan.ts";
import type { Signatures } from "./timeout-positions.ts";

/** A module that may hand a duration to a display call (`displays.ts`). */
const DISPLAY_CALL = /\b(showMessage|ShowBalloon|set_timeout|Notify|Show)[ \t]*\(/;
/** How many rounds: the display calls' own callers, then their callers. */
const ROUNDS = 2;

/** Fills `python.displays` from the package's modules (paths and texts), parsing each candidate once. */
export function findDisplayParameters(
  modules: readonly (readonly [string, string])[],
  python: PythonFacts,
  config: GuardConfig,
  parser: TsParser,
  signatures: Signatures,
  isTimeout: (name: string) => boolean,
): void {
  const trees = new Map<string, Tree | undefined>();
  // Each module parsed once, for both passes; one that does not parse cleanly is none.
  const parse: ParseModule = (path, text) => {
    if (!trees.has(path)) {
      const tree = parser.parse(text) ?? undefined;
      trees.set(path, tree && !firstSyntaxError(tree.rootNode) ? tree : undefined);
      if (tree && trees.get(path) === undefined) tree.delete();
    }
    return trees.get(path);
  };
  try {
    let names: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const called = names.length > 0 ? new RegExp(`\\b(${names.join("|")})[ \\t]*\\(`) : undefined;
      // Per name: how many definitions were read, and per parameter how many of them read it for display only.
      const found = new Map<
        string,
        { read: number; keywords: Map<string, number>; positions: Map<number, number>; classes: Set<string> }
      >();
      for (const [path, text] of modules) {
        if (!DISPLAY_CALL.test(text) && !called?.test(text)) continue;
        const tree = parse(path, text, parser);
        if (!tree) continue;
        const facts = new PyFacts({ ...config, path, python }, text);
        // Its bindings: a receiver is the package's own object only where the module shows what made it.
        facts.collect(scanPython(tree.rootNode, false, false).nodes);
        for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
          const name = fn?.childForFieldName("name")?.text;
          if (!fn || !name) continue;
          const entry = found.get(name) ?? { read: 0, keywords: new Map(), positions: new Map(), classes: new Set() };
          entry.read++;
          entry.classes.add(classOf(fn)?.childForFieldName("name")?.text ?? "");
          found.set(name, entry);
          for (const [parameter, index] of timeoutParameters(fn, isTimeout)) {
            if (!displayOnly(facts, fn, parameter)) continue;
            entry.keywords.set(parameter, (entry.keywords.get(parameter) ?? 0) + 1);
            if (index >= 0) entry.positions.set(index, (entry.positions.get(index) ?? 0) + 1);
          }
        }
      }
      const displays: Record<string, DisplayParameters> = Object.create(null) as Record<string, DisplayParameters>;
      for (const [name, { read, keywords, positions, classes }] of found) {
        // Every definition of the name in the package, each read here: another one may wait with its parameter.
        if (/^__\w+__$/.test(name) || read !== signatures.count(name)) continue;
        const all = (counts: Map<string | number, number>) => [...counts].filter(([, n]) => n === read).map(([k]) => k);
        const keys = all(keywords) as string[];
        if (keys.length > 0)
          displays[name] = { keywords: keys, positions: all(positions) as number[], classes: [...classes] };
      }
      (python as { displays?: Record<string, DisplayParameters> }).displays = displays;
      names = Object.keys(displays).map((name) => name.replace(/\W/g, ""));
      if (names.length === 0) return;
    }
    // `self._app.notifier.send(...)`: receivers no line of their file makes, named by an attribute the package binds
    // only to its display classes' objects (`display-attributes.ts`).
    const displays = python.displays ?? {};
    const classes = new Set(Object.values(displays).flatMap((d) => d.classes.filter((c) => c !== "")));
    (python as { displayAttributes?: Record<string, readonly string[]> }).displayAttributes = findDisplayAttributes(
      modules,
      names,
      classes,
      parser,
      parse,
    );
  } finally {
    for (const tree of trees.values()) tree?.delete();
  }
}

/** A definition's timeout-named parameters with their place among the positional ones (`self` left out; -1: keyword-only). */
function timeoutParameters(fn: TsNode, isTimeout: (name: string) => boolean): [string, number][] {
  const out: [string, number][] = [];
  let index = 0;
  let keywordOnly = false;
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p): p is TsNode => p !== null && p.type !== "comment",
  );
  for (const [at, parameter] of parameters.entries()) {
    if (/splat|separator/.test(parameter.type)) {
      keywordOnly = true;
      continue;
    }
    const name = parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text;
    if (!name || (at === 0 && (name === "self" || name === "cls"))) continue;
    if (isTimeout(name)) out.push([name, keywordOnly ? -1 : index]);
    if (!keywordOnly) index++;
  }
  return out;
}
