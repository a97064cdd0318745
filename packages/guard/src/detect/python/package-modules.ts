// The modules a package pass reads: which it can parse, and each one's parse and facts. The passes that judge modules
// one at a time (`package-method-waits.ts`, `package-lifetimes.ts`) visit them here, one tree alive at a time; the
// passes that revisit modules round by round (`package-displays.ts`, the keepers in `python-facts.ts`) parse through
// `readableTree` and free their trees when done.
import type { Parser, Tree } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { PyFacts } from "./facts.ts";
import type { PythonFacts } from "./package-keepers.ts";
import { firstSyntaxError } from "./parser.ts";
import { scanPython } from "./scan.ts";

/** The largest module (in characters) a package pass parses: a larger one is unreadable, what it holds unknown. */
export const MAX_MODULE = 400_000;

/** What a package pass parses with: the parser, the run's config and the package's facts found so far. */
export interface PackagePass {
  readonly parser: Parser;
  readonly config: GuardConfig;
  readonly python: PythonFacts;
}

/** A module read by a package pass: its tree and its facts (collected over the whole module). */
export interface ReadModule {
  readonly path: string;
  readonly text: string;
  readonly tree: Tree;
  readonly facts: PyFacts;
}

/** The module's tree, or undefined when it is too large or does not parse cleanly (the tree is freed then). */
export function readableTree(parser: Parser, text: string): Tree | undefined {
  if (text.length > MAX_MODULE) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  if (!firstSyntaxError(tree.rootNode)) return tree;
  tree.delete();
  return undefined;
}

/**
 * Visits each module `wanted` selects with its tree and facts, one at a time (the tree is freed after its visit). A
 * selected module the pass cannot read (`readableTree`) goes to `unreadable` instead: what it defines or reads is
 * unknown.
 */
export function eachReadModule(
  modules: readonly (readonly [path: string, text: string])[],
  { parser, config, python }: PackagePass,
  wanted: (text: string) => boolean,
  visit: (module: ReadModule) => void,
  unreadable: (text: string) => void,
): void {
  for (const [path, text] of modules) {
    if (!wanted(text)) continue;
    const tree = readableTree(parser, text);
    if (!tree) {
      unreadable(text);
      continue;
    }
    try {
      const facts = new PyFacts({ ...config, path, python }, text);
      facts.collect(scanPython(tree.rootNode, false, false).nodes);
      visit({ path, text, tree, facts });
    } finally {
      tree.delete();
    }
  }
}
