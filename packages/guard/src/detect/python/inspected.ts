// Objects a test builds only to look at: `fs = S3FileSystem(request_timeout=0.5)` followed by nothing but
// `assert isinstance(fs, S3FileSystem)` and `assert pickle.loads(pickle.dumps(fs)) == fs`. The object is compared,
// pickled or printed, never asked to do anything, so the timeout it was given bounds no wait.
// Likewise the expected values a test builds only to compare with what it got.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeNamed, EQUALITY, MOCK_CALL_ASSERTIONS } from "./assertion-names.ts";
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
  return everyReadAfter(fn, assignment, target.text, (node) => inAssert(node, fn) && looksAt(node));
}

// `stack_spec = {"parameters": {}, "timeout": 60, ...}` then `self.assertEqual(stack_spec, new_spec)`: a value built
// of literals (dicts, lists, tuples, `dict(...)`) that a test function (`def test_*`) assigns to a local and then only
// hands, whole, to a comparing assertion (`assertEqual`, `assertDictEqual`, `assert_called_once_with(**expected)`,
// `assert x == expected`): the expected result, nothing waits on it. A call that builds it (other than `dict`) may
// have waited (`result = fetch(url, timeout=5)`), and a read anywhere else may hand it on to a wait: not this.
export function onlyExpected(value: TsNode): boolean {
  let current = value;
  for (let depth = 0; depth < 12; depth++) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === "assignment") {
      const target = parent.childForFieldName("left");
      if (parent.childForFieldName("right")?.id !== current.id || target?.type !== "identifier") return false;
      const fn = enclosingFunction(parent);
      if (!fn?.childForFieldName("name")?.text.startsWith("test")) return false;
      return everyReadAfter(fn, parent, target.text, (node) => comparedWhole(node, fn));
    }
    const builds =
      CONTAINERS.test(parent.type) ||
      (parent.type === "argument_list" && calleeText(parent.parent!) === "dict") ||
      (parent.type === "call" && calleeText(parent) === "dict");
    if (!builds) return false;
    current = parent;
  }
  return false;
}
const CONTAINERS = /^(pair|dictionary|list|tuple|set|keyword_argument|parenthesized_expression|expression_list)$/;

// Unittest's and mock's comparing assertions: the arguments are compared, nothing is run.
const COMPARING = calleeNamed(EQUALITY, MOCK_CALL_ASSERTIONS);

// The name, as a whole (or splatted, `**expected`), is an argument of a comparing assertion or an operand of a
// comparison inside `assert`.
function comparedWhole(node: TsNode, fn: TsNode): boolean {
  let read = node;
  if (read.parent?.type === "dictionary_splat" || read.parent?.type === "list_splat") read = read.parent;
  const parent = read.parent;
  if (parent?.type === "comparison_operator") return inAssert(node, fn);
  const call = parent?.type === "argument_list" ? parent.parent : undefined;
  return call?.type === "call" && COMPARING.test(calleeText(call));
}

// Every read of `name` in `fn` after `assignment` (up to the name's next assignment) passes `test`, and there is one.
function everyReadAfter(fn: TsNode, assignment: TsNode, name: string, test: (read: TsNode) => boolean): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  let reads = 0;
  const uses = namesIn(fn, body).get(name) ?? [];
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
    if (!test(node)) return false;
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
