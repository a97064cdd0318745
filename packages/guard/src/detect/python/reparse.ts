// A second parse for valid Python that tree-sitter-python rejects: three shapes of real code it cannot read.
import type { Node as TsNode, Parser as TsParser, Tree } from "web-tree-sitter";
import type { SourceComment } from "../../suppressions.ts";
import { outdentedBreaks } from "./outdented-continuations.ts";
import { capturePython, firstSyntaxError, type PythonSyntaxError } from "./parser.ts";

// `1, *(t for t in ts)` or `x = *rows,`: the `*` of an unpacked item in a bare tuple, not `**` or a product.
const TUPLE_STAR = /(?:^|[,=]|\b(?:yield|return|in))[ \t]*(\*)(?=[ \t]*[\w([{"'])/gm;

// tree-sitter-python (0.25) fails on three shapes Python accepts:
// - a comment line indented less than its block between a decorator and its `def` (scapy's
//   `layers/tftp.py`): Python drops comment lines before it reads indentation;
// - an unpacked non-name in a bare tuple (`yield start, end, *(t for t in tokens)`, `x = 1, *[a]`);
// - a line inside brackets indented less than its statement, after an operator (dnstwist's `p_cli(FG_RND + ST_BRI +`
//   then its banner string at column 0; `outdented-continuations.ts`).
// When the first parse has an error, the file is parsed again with every comment that starts its line,
// every such `*` outside a string, and the line break before every such line, blanked to spaces of the same length
// (every offset stays put; `(t for t in tokens)` is still the item, only not unpacked). If that parse is clean, it is the file's
// tree, and the blanked comments' text is kept for suppression matching. Otherwise the repaired parse's
// first error is the one to report: the repairs only remove what tree-sitter misreads, so what is left is a
// real syntax error, not the valid `*` the first parse stopped at.
export function reparseRepaired(
  parser: TsParser,
  source: string,
  root: TsNode,
): { tree: Tree; comments: SourceComment[] } | { error: PythonSyntaxError } | undefined {
  const comments: SourceComment[] = [];
  const blanks: [number, number][] = [];
  for (const comment of capturePython(root, ["comment"])) {
    const lineStart = source.lastIndexOf("\n", comment.startIndex - 1) + 1;
    if (source.slice(lineStart, comment.startIndex).trim() !== "") continue;
    comments.push({ text: comment.text, start: comment.startIndex, end: comment.endIndex });
    blanks.push([comment.startIndex, comment.endIndex]);
  }
  const quoted = capturePython(root, ["string", "comment"]).map((node) => [node.startIndex, node.endIndex]);
  for (const match of source.matchAll(TUPLE_STAR)) {
    const at = match.index + match[0].lastIndexOf("*");
    if (source[at - 1] !== "*" && !quoted.some(([from, to]) => from! <= at && at < to!)) blanks.push([at, at + 1]);
  }
  for (const at of outdentedBreaks(source)) blanks.push([at, at + 1]);
  if (blanks.length === 0) return undefined;
  blanks.sort((a, b) => a[0] - b[0]);
  let blanked = "";
  let from = 0;
  for (const [start, end] of blanks) {
    blanked += source.slice(from, start) + " ".repeat(end - start);
    from = end;
  }
  const tree = parser.parse(blanked + source.slice(from));
  if (!tree) return undefined;
  const error = firstSyntaxError(tree.rootNode);
  if (error) {
    tree.delete();
    return { error };
  }
  return { tree, comments };
}
