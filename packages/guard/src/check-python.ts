// The Python half of a file's check, loaded with the first Python file (`check.ts` imports it on demand): the
// tree-sitter parse, the repair of a file that does not parse, the detectors and `python -c` scripts in strings.
import type { GuardConfig } from "./config.ts";
import { detectPython, mayHoldFallback, scanPython } from "./detect/python.ts";
import { detectEmbeddedPython } from "./detect/python/embedded.ts";
import type { PythonFacts } from "./detect/python/package-keepers.ts";
import { firstSyntaxError, pythonParser } from "./detect/python/parser.ts";
import { reparseRepaired } from "./detect/python/reparse.ts";
import { callsTimeoutPosition } from "./detect/python/timeout-positions.ts";
import type { RawFinding } from "./detect/types.ts";
import { mightHoldTimeout } from "./prefilter.ts";
import { DIRECTIVE, type SourceComment } from "./suppressions.ts";

/** A Python file's findings and the comments its suppressions are read from. */
export async function detectPythonFile(
  source: string,
  config: GuardConfig,
  path?: string,
  python?: PythonFacts,
): Promise<{ raw: RawFinding[]; comments: SourceComment[] }> {
  const parser = await pythonParser();
  let tree = parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  let lineComments: SourceComment[] = [];
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) {
      const retry = reparseRepaired(parser, source, tree.rootNode);
      if (!retry || "error" in retry)
        return { raw: [{ ruleId: "parse-error", ...(retry?.error ?? error) }], comments: [] };
      tree.delete();
      ({ tree, comments: lineComments } = retry);
    }
    if (!mightHoldTimeout(source, config, "python") && !callsTimeoutPosition(source, python?.positions))
      return { raw: [], comments: [] };
    const withComments = source.includes(DIRECTIVE);
    const scan = scanPython(tree.rootNode, withComments, mayHoldFallback(source));
    // `python -c` scripts in strings run too: checked as Python, their findings placed in the string.
    const embedded = /["']-c["']/.test(source)
      ? detectEmbeddedPython(parser, scan.nodes, config, withComments)
      : { raw: [], comments: [] };
    return {
      raw: [...detectPython(scan.nodes, { ...config, path, ...(python ? { python } : {}) }, source), ...embedded.raw],
      comments: [
        ...scan.comments.map((node) => ({ text: node.text, start: node.startIndex, end: node.endIndex })),
        ...(withComments ? lineComments : []),
        ...embedded.comments,
      ],
    };
  } finally {
    tree.delete();
  }
}
