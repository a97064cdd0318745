// Whether a `.communicate(input, n)` call's second argument is Popen's timeout, or the retry count (or anything else)
// of a `communicate` the file defines itself: the method name alone does not say which object it is called on.
import type { Node as TsNode, Tree } from "web-tree-sitter";

// `subprocess.Popen(...)` makes the process whose `communicate(input, timeout)` this is. asyncio's
// `create_subprocess_*` process takes no timeout (`communicate(input=None)`), so it is no evidence here.
const MAKES_PROCESS = /(^|\.)Popen$/;

// Per parsed tree: the file's own `communicate` definitions whose second parameter is not named like a timeout, and
// the receivers (as written) the file assigns a process to or annotates as a Popen.
interface FileProcesses {
  ownCommunicate: boolean;
  processes: Set<string>;
}
const FILES = new WeakMap<Tree, FileProcesses>();

function fileProcesses(tree: Tree, isTimeout: (name: string) => boolean): FileProcesses {
  let found = FILES.get(tree);
  if (found) return found;
  found = { ownCommunicate: false, processes: new Set() };
  for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
    if (fn?.childForFieldName("name")?.text !== "communicate") continue;
    const params = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter((p) => p?.text !== "self");
    const second = params[1];
    const name = second?.type === "identifier" ? second.text : second?.namedChildren[0]?.text;
    if (!name || !isTimeout(name)) found.ownCommunicate = true;
  }
  for (const assignment of tree.rootNode.descendantsOfType("assignment")) {
    const left = assignment?.childForFieldName("left");
    const right = assignment?.childForFieldName("right");
    const callee = right?.type === "call" ? right.childForFieldName("function")?.text : undefined;
    const annotated = assignment?.childForFieldName("type")?.text;
    if (left && ((callee && MAKES_PROCESS.test(callee)) || (annotated && /Popen\b/.test(annotated))))
      found.processes.add(left.text);
  }
  for (const param of tree.rootNode.descendantsOfType(["typed_parameter", "typed_default_parameter"])) {
    const type = param?.childForFieldName("type")?.text;
    const name = param?.namedChildren[0]?.text;
    if (name && type && /Popen\b/.test(type)) found.processes.add(name);
  }
  FILES.set(tree, found);
  return found;
}

// `p.communicate(None, 30)` is Popen's timeout unless the file has a `communicate` of its own that takes something
// else second and nothing in the file makes `p` a process (a `Popen(...)` assignment or a `Popen` annotation).
export function positionalIsPopenTimeout(call: TsNode, isTimeout: (name: string) => boolean): boolean {
  const file = fileProcesses(call.tree, isTimeout);
  if (!file.ownCommunicate) return true;
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object")?.text : undefined;
  return receiver !== undefined && file.processes.has(receiver);
}
