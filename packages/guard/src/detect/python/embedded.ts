import type { Node as TsNode, Parser as TsParser } from "web-tree-sitter";
import type { SourceComment } from "../../suppressions.ts";
import { detectPython } from "../python.ts";
import { mayHoldFallback, scanPython } from "./scan.ts";
import { firstSyntaxError } from "./parser.ts";
import { enclosingFunction, unwrap } from "./syntax.ts";
import type { DetectorOptions, RawFinding } from "../types.ts";

// Python run from a string: `subprocess.run([sys.executable, "-c", script])` with `script = textwrap.dedent("""...""")`.
// The script is code that runs (a test's child process, a bootstrap), so it is checked like the file around it,
// its findings pointing into the string. One level deep; a script that does not parse is left alone.

// One script: its dedented text and where each of its offsets lies in the file.
interface Script {
  text: string;
  outer(offset: number): number;
}

// Findings and comments of the scripts a file runs with `python -c`, at their places in the file.
export function detectEmbeddedPython(
  parser: TsParser,
  nodes: readonly TsNode[],
  options: DetectorOptions,
  withComments: boolean,
): { raw: RawFinding[]; comments: SourceComment[] } {
  const raw: RawFinding[] = [];
  const comments: SourceComment[] = [];
  for (const script of scripts(nodes)) {
    const tree = parser.parse(script.text);
    if (!tree) continue;
    try {
      if (firstSyntaxError(tree.rootNode)) continue;
      const scan = scanPython(tree.rootNode, withComments, mayHoldFallback(script.text));
      for (const finding of detectPython(scan.nodes, options, script.text))
        raw.push({ ...finding, start: script.outer(finding.start), end: script.outer(finding.end) });
      for (const node of scan.comments)
        comments.push({ text: node.text, start: script.outer(node.startIndex), end: script.outer(node.endIndex) });
    } finally {
      tree.delete();
    }
  }
  return { raw, comments };
}

// Strings that follow a `"-c"` among a call's arguments or in a list/tuple, or variables assigned one.
function scripts(nodes: readonly TsNode[]): Script[] {
  const found: Script[] = [];
  for (const node of nodes) {
    if (node.type !== "call") continue;
    const args = node.childForFieldName("arguments");
    const sequences = [args, ...(args?.namedChildren.filter((a) => a?.type === "list" || a?.type === "tuple") ?? [])];
    for (const sequence of sequences) {
      const items = sequence?.namedChildren.filter((c): c is TsNode => c !== null && c.type !== "comment") ?? [];
      const flag = items.findIndex((item) => item.type === "string" && /^["']-c["']$/.test(item.text));
      const next = flag >= 0 ? items[flag + 1] : undefined;
      const source = next && scriptString(next, nodes);
      const script = source && dedented(source);
      if (script) found.push(script);
    }
  }
  return found;
}

// The string a script argument is: itself, `dedent("...")`, or a variable assigned one of those before the call.
function scriptString(raw: TsNode, nodes: readonly TsNode[]): TsNode | undefined {
  const node = unwrapDedent(unwrap(raw));
  if (node.type === "string") return node;
  if (node.type !== "identifier") return undefined;
  const scope = enclosingFunction(node);
  let value: TsNode | undefined;
  for (const candidate of nodes) {
    if (candidate.startIndex >= node.startIndex) break;
    if (candidate.type !== "assignment" || candidate.childForFieldName("left")?.text !== node.text) continue;
    if (enclosingFunction(candidate)?.id !== scope?.id) continue;
    const right = candidate.childForFieldName("right");
    value = right ? unwrapDedent(unwrap(right)) : undefined;
  }
  return value?.type === "string" ? value : undefined;
}

function unwrapDedent(node: TsNode): TsNode {
  if (node.type !== "call" || !/(^|\.)dedent$/.test(node.childForFieldName("function")?.text ?? "")) return node;
  const first = node.childForFieldName("arguments")?.namedChildren[0];
  return first ? unwrap(first) : node;
}

// `textwrap.dedent` of a plain string's content, with the map back to the file.
function dedented(string: TsNode): Script | undefined {
  const parts = string.namedChildren.filter((c) => c !== null && c.type !== "string_start" && c.type !== "string_end");
  if (parts.length !== 1 || parts[0]!.type !== "string_content") return undefined; // f-strings, escapes: skip
  const content = parts[0]!;
  const lines = content.text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  const starts: { inner: number; outer: number }[] = [];
  let inner = 0;
  let outer = content.startIndex;
  const text: string[] = [];
  for (const line of lines) {
    const removed = line.trim() === "" ? line.length : indent;
    starts.push({ inner, outer: outer + removed });
    text.push(line.slice(removed));
    inner += line.length - removed + 1;
    outer += line.length + 1;
  }
  return {
    text: text.join("\n"),
    outer(offset) {
      let line = starts.length - 1;
      while (line > 0 && starts[line]!.inner > offset) line--;
      return starts[line]!.outer + (offset - starts[line]!.inner);
    },
  };
}
