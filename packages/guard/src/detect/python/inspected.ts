// Objects a test builds only to look at: `fs = S3FileSystem(request_timeout=0.5)` followed by nothing but
// `assert isinstance(fs, S3FileSystem)` and `assert pickle.loads(pickle.dumps(fs)) == fs`. The object is compared,
// pickled or printed, never asked to do anything, so the timeout it was given bounds no wait.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeText, enclosingFunction } from "./syntax.ts";

// Calls that look at a value without using it: type tests, copies, text and serialisation.
const LOOKS_AT = /(^|\.)(isinstance|type|id|hash|repr|str|len|bool|dumps|copy|deepcopy)$/;

// `name = Ctor(..., timeout=5)` (a class, by Python's naming: a function's result may be what it waited for) in a
// test function (`def test_*`), where every read of `name` up to its next assignment stands in an `assert` as an
// operand of a comparison, an argument of a call that only looks at it (`isinstance`, `repr`, `pickle.dumps`) or the
// object of an attribute that is read, not called. A call on it
// (`fs.open_input_stream(...)`, `client.get(...)`), a read outside an assertion or no read at all: not this.
export function onlyInspected(call: TsNode): boolean {
  const assignment = call.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== call.id) return false;
  if (!/(^|\.)[A-Z]\w*$/.test(calleeText(call))) return false;
  const target = assignment.childForFieldName("left");
  const fn = enclosingFunction(call);
  if (target?.type !== "identifier" || !fn?.childForFieldName("name")?.text.startsWith("test")) return false;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  let reads = 0;
  const uses = namesIn(fn, body).get(target.text) ?? [];
  // The first read after the assignment (the list is in source order).
  let low = 0;
  for (let high = uses.length; low < high;) {
    const middle = (low + high) >> 1;
    if (uses[middle]!.startIndex < assignment.endIndex) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < uses.length; i++) {
    const node = uses[i]!;
    const parent = node.parent;
    // The name assigned again: the reads after it are of another object.
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id) break;
    if (!inAssert(node, fn) || !looksAt(node)) return false;
    reads++;
  }
  return reads > 0;
}

// Each test function's identifiers by name, in source order, collected once per function (a test that builds many
// objects reads its body once, not once per object).
const NAMES = new WeakMap<object, Map<number, Map<string, TsNode[]>>>();
function namesIn(fn: TsNode, body: TsNode): Map<string, TsNode[]> {
  let byFunction = NAMES.get(fn.tree);
  if (!byFunction) NAMES.set(fn.tree, (byFunction = new Map()));
  let names = byFunction.get(fn.startIndex);
  if (!names) {
    names = new Map();
    for (const node of body.descendantsOfType("identifier")) {
      if (!node) continue;
      const list = names.get(node.text);
      if (list) list.push(node);
      else names.set(node.text, [node]);
    }
    byFunction.set(fn.startIndex, names);
  }
  return names;
}

function inAssert(node: TsNode, fn: TsNode): boolean {
  for (let current = node.parent; current && current.id !== fn.id; current = current.parent)
    if (current.type === "assert_statement") return true;
  return false;
}

// The read is compared, handed to a call that only looks at it, or has an attribute read (not called) that is.
function looksAt(node: TsNode): boolean {
  let current = node;
  let parent = current.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === current.id) {
    if (parent.parent?.type === "call" && parent.parent.childForFieldName("function")?.id === parent.id) return false;
    current = parent;
    parent = current.parent;
  }
  if (parent?.type === "comparison_operator" || parent?.type === "assert_statement") return true;
  const call = parent?.type === "argument_list" ? parent.parent : undefined;
  return call?.type === "call" && LOOKS_AT.test(calleeText(call));
}
