// A second parse for valid Python that tree-sitter-python rejects because of a comment line.
import type { Node as TsNode, Parser as TsParser, Tree } from "web-tree-sitter";
import type { SourceComment } from "../../suppressions.ts";
import { capturePython, firstSyntaxError } from "./parser.ts";

/**
 * tree-sitter-python (0.25) fails on a comment line indented less than its block when it sits between a
 * decorator and its `def` (scapy's `layers/tftp.py`), while Python drops comment lines before it reads
 * indentation. When the first parse has an error, the file is parsed again with every comment that starts
 * its line blanked to spaces of the same length (every offset stays put); if that parse is clean, it is
 * the file's tree, and the blanked comments' text is kept for suppression matching. Otherwise the first
 * parse's error stands.
 */
export function reparseWithoutCommentLines(
  parser: TsParser,
  source: string,
  root: TsNode,
): { tree: Tree; comments: SourceComment[] } | undefined {
  const comments: SourceComment[] = [];
  let blanked = "";
  let from = 0;
  for (const comment of capturePython(root, ["comment"])) {
    const lineStart = source.lastIndexOf("\n", comment.startIndex - 1) + 1;
    if (source.slice(lineStart, comment.startIndex).trim() !== "") continue;
    comments.push({ text: comment.text, start: comment.startIndex, end: comment.endIndex });
    blanked += source.slice(from, comment.startIndex) + " ".repeat(comment.endIndex - comment.startIndex);
    from = comment.endIndex;
  }
  if (comments.length === 0) return undefined;
  const tree = parser.parse(blanked + source.slice(from));
  if (!tree) return undefined;
  if (firstSyntaxError(tree.rootNode)) {
    tree.delete();
    return undefined;
  }
  return { tree, comments };
}
