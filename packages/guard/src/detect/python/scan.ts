// The one scan of a Python file: the nodes the rules look at, in document order, from one tree-sitter query.
import type { Node as TsNode } from "web-tree-sitter";
import { capturePython } from "./parser.ts";

// Node types the detectors look at.
const INTERESTING = [
  "function_definition",
  "lambda",
  "import_statement",
  "import_from_statement",
  "assignment",
  "augmented_assignment",
  "with_item",
  "for_statement",
  "parameters",
  "lambda_parameters",
  "keyword_argument",
  "pair",
  "default_parameter",
  "typed_default_parameter",
  "call",
];

// The nodes of interest in document order, and the comments (which matter only to files that
// hold a suppression), from one tree-sitter query: see `capturePython`.
export function scanPython(
  root: TsNode,
  withComments: boolean,
  withFallbacks = true,
): { nodes: TsNode[]; comments: TsNode[] } {
  const types = [...INTERESTING, ...(withComments ? ["comment"] : []), ...(withFallbacks ? ["boolean_operator"] : [])];
  const nodes: TsNode[] = [];
  const comments: TsNode[] = [];
  for (const node of capturePython(root, types)) (node.type === "comment" ? comments : nodes).push(node);
  // Functions come first in document order; their ranges give each node its scope without `.parent` walks.
  return { nodes, comments };
}

// Whether `source` may hold `x.timeout or 20` (the fallback rule's boolean operators are captured only then).
export function mayHoldFallback(source: string): boolean {
  return /time_?out\w*\)?\s+or\b/i.test(source);
}
