// Where one read of a test's value goes (a double, a mock's call record, an assertion, the code under test), and
// whether a double the test made stays with doubles: the reads `handed-to-doubles.ts` and `double-data.ts` judge.
import type { Node as TsNode } from "web-tree-sitter";
import { matchApi } from "../../apis.ts";
import { calleeNamed, MOCK_CALLED_WITH } from "./assertion-names.ts";
import { BLOCKING_METHODS, DRAINING_METHODS, inAssertion } from "./context.ts";
import { outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText, occurrences } from "./syntax.ts";

// unittest.mock's call recorder and the expected calls built with it: `mock.call.Request(...)`, `call.proxy.publish()`.
const EXPECTED_CALL = /^(unittest\.)?mock\.call(\.|$)/;
// A mock's call record compared: what the code under test handed its doubles.
const RECORD_ASSERTION = calleeNamed(MOCK_CALLED_WITH, "assert_has_calls");
// A module of tests: it defines test functions or methods.
const TESTS = /(^|\n)[ \t]*(async\s+)?def\s+test\w*\s*\(/;
// Doubles or expected calls somewhere in it (a cheap test before any read is followed).
const DOUBLES = /mock|Mock|Fake|fake|Stub|stub|Dummy/;

// A double handed as the argument the callee's signature names as its transport (`socket_module=MockSocketModule()`,
// `transport=mock.Mock()`): the waits of the call are the double's. A mocked logger, metrics sink or callback handed
// beside a real transport is not (`Client(url, timeout=t, logger=mock.MagicMock())` talks to a real server).
const TRANSPORT_KEYWORD = /^(\w*_)?(socket|sock|transport|connection|conn|session|channel)(_\w*)?$/;

export type Kind = "double" | "record" | "compared" | "handed" | "other";
// A read and, for a call record, the mock whose record it is; for a handed call, the call.
export interface Read {
  kind: Kind;
  node: TsNode;
  call?: TsNode;
  mock?: string;
}

// A module of tests with doubles in it, asked once per file (a module of n constants asks n times).
const TESTS_WITH_DOUBLES = new WeakMap<PyFacts, boolean>();
export function testsWithDoubles(facts: PyFacts): boolean {
  let known = TESTS_WITH_DOUBLES.get(facts);
  if (known === undefined) {
    const code = facts.fileCode();
    known = TESTS.test(code) && DOUBLES.test(code);
    TESTS_WITH_DOUBLES.set(facts, known);
  }
  return known;
}

/** Where one read of a test's value goes: a double, a mock's call record, an assertion, code under test, or other. */
export function readKind(facts: PyFacts, read: TsNode): Read {
  const other: Read = { kind: "other", node: read };
  if (inAssertion(read)) {
    const record = recordAssertion(read);
    return record ? { kind: "record", node: read, mock: recordedMock(record) } : { kind: "compared", node: read };
  }
  const outer = copied(outward(read));
  const parent = outer.parent;
  // `mock_call.return_value = engine_resp`, `fake.data = values`: what a double answers or holds is the double's.
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === outer.id) {
    const target = parent.childForFieldName("left");
    return target && setOnTestDouble(facts, target) ? { kind: "double", node: read } : other;
  }
  const argument = parent?.type === "keyword_argument" ? parent : outer;
  if (parent?.type === "keyword_argument" && parent.childForFieldName("value")?.id !== outer.id) return other;
  const list = argument.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return other;
  const written = calleeText(call);
  const path = facts.resolve(written);
  // As written too: a test helper's re-export of unittest.mock (`from taskflow.test import mock`) builds the same calls.
  if (EXPECTED_CALL.test(path) || EXPECTED_CALL.test(written)) return { kind: "double", node: read };
  const method = written.slice(written.lastIndexOf(".") + 1);
  const apis = facts.options.apis;
  if (BLOCKING_METHODS.test(method) || DRAINING_METHODS.test(method)) return other;
  if (matchApi(apis, "python", path) !== undefined || matchApi(apis, "python", written) !== undefined) return other;
  const doubles = facts.doubles;
  // The wait is the double's only when the call is on one, makes one, or hands one in as its transport; a call to
  // real code that is merely handed a double (a mocked logger) is the code under test's.
  if (doubles.calledOnDouble(call)) return { kind: "double", node: read };
  // `incoming = mock.Mock(message=message)` then `dispatcher.dispatch(incoming)`: the double made with the value is
  // handed to the code under test, which may wait with what it reads from it.
  if (doubles.onOrMakesDouble(call)) return madeDoubleKept(facts, call) ? { kind: "double", node: read } : other;
  const transport = doubles.doubleArguments(call).some((a) => {
    const keyword = a.type === "keyword_argument" ? a.childForFieldName("name")?.text : undefined;
    return keyword !== undefined && TRANSPORT_KEYWORD.test(keyword);
  });
  return { kind: transport ? "double" : "handed", node: read, call };
}

// `copy.deepcopy(engine_resp)`, `copy.copy(x)`: the same data, copied where it is read.
const COPIES = /^(copy\.)?(deepcopy|copy)$/;
function copied(node: TsNode): TsNode {
  let current = node;
  for (;;) {
    const list = current.parent;
    const call = list?.type === "argument_list" && list.namedChildren.length === 1 ? list.parent : undefined;
    if (call?.type !== "call" || !COPIES.test(calleeText(call))) return current;
    current = outward(call);
  }
}

// The mock's call-record assertion whose arguments hold the node (`m.assert_called_once_with(..., t * 1000)`).
function recordAssertion(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "call" && RECORD_ASSERTION.test(calleeText(current))) return current;
    if (current.type === "expression_statement" || current.type === "block") return undefined;
  }
  return undefined;
}

// The mock whose record is asserted: `self._mock_run` of `self._mock_run.assert_called_once_with(...)`.
function recordedMock(assertion: TsNode): string | undefined {
  const callee = assertion.childForFieldName("function");
  const object = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  return object?.text.replace(/\s+/g, "");
}

/**
 * `x_cluster = mock.Mock(...)` then `x_cluster.timeout = 10`, in a module of tests: a value set on a double, which
 * only the double holds. Not when the test hands that double to the code under test as an argument
 * (`conf = mock.Mock(); conf.timeout = 5; Server(conf).serve()`: the real server may wait with it); handing it to
 * another double (`mock_find.return_value = x_cluster`), an expected call or an assertion keeps it the test's data.
 */
export function setOnTestDouble(facts: PyFacts, target: TsNode): boolean {
  if (target.type !== "attribute" || !testsWithDoubles(facts) || !facts.doubles.setOnDouble(target)) return false;
  // `mock_load.return_value = conf` on `@patch.object(client, "load_conf")`: the code under test calls the patched
  // function and waits with what it answers (review17 item 2); only a double no patch made keeps the value.
  if (facts.doubles.returnedByPatch(target)) return false;
  const object = target.childForFieldName("object");
  return object !== null && keptByDoubles(facts, object);
}

// A double made by a call (`mock.Mock(message=message)`) stays with doubles: the call is no argument of the code
// under test, and a name it is assigned to is handed to nothing else (`keptByDoubles`).
function madeDoubleKept(facts: PyFacts, call: TsNode): boolean {
  const outer = outward(call);
  const parent = outer.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === outer.id) {
    const left = parent.childForFieldName("left");
    return left !== null && (left.type === "identifier" || left.type === "attribute") && keptByDoubles(facts, left);
  }
  const argument = parent?.type === "keyword_argument" ? parent : outer;
  if (argument.parent?.type !== "argument_list") return true;
  return inAssertion(call) || readKind(facts, call).kind === "double";
}

// Every place the test names the double (`x_cluster`, `self.conf`; in its function, or for a `self.x` in its class)
// as an argument is a call on a double, making one, an expected call or an assertion: the code under test is never
// handed it.
function keptByDoubles(facts: PyFacts, double: TsNode): boolean {
  const written = double.text.replace(/\s+/g, "");
  let root: TsNode | null = double;
  while (root?.type === "attribute") root = root.childForFieldName("object");
  if (root?.type !== "identifier") return false;
  let scope: TsNode | null = double.parent;
  const owner = root.text === "self" ? "class_definition" : "function_definition";
  while (scope && scope.type !== owner) scope = scope.parent;
  if (!scope) return false;
  let known = KEPT.get(facts);
  if (!known) KEPT.set(facts, (known = new Map()));
  const key = `${written}@${scope.startIndex}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  // A double made from another (`a = Mock(b)`, `b = Mock(a)`) is followed a few hops, never round in a circle.
  if (following >= 4) return false;
  following++;
  try {
    const kept = handedOnlyToDoubles(facts, scope, root.text, written);
    known.set(key, kept);
    return kept;
  } finally {
    following--;
  }
}

// Per file, what `keptByDoubles` found for a double in a scope; and how deep the current chain of hops is.
const KEPT = new WeakMap<PyFacts, Map<string, boolean>>();
let following = 0;

function handedOnlyToDoubles(facts: PyFacts, scope: TsNode, root: string, written: string): boolean {
  const handed = handedIn(facts, scope, root);
  if (handed.unknown) return false;
  return (handed.byText.get(written) ?? []).every((found) => readKind(facts, found).kind === "double");
}

// Per scope and root name (`x_cluster` in a function, `self` in a class), one pass over the root's occurrences: each
// expression `root`, `root.a`, `root.a.b` written as an argument of a call outside an assertion, by its text; unknown
// when a word of the root's name is not the root itself. A class of n tests each setting a double on `self` asks n
// times; scanning `self` each time was quadratic.
interface Handed {
  unknown: boolean;
  byText: Map<string, TsNode[]>;
}
const HANDED = new WeakMap<PyFacts, Map<string, Handed>>();
function handedIn(facts: PyFacts, scope: TsNode, root: string): Handed {
  let perScope = HANDED.get(facts);
  if (!perScope) HANDED.set(facts, (perScope = new Map()));
  const key = `${root}@${scope.startIndex}`;
  const known = perScope.get(key);
  if (known) return known;
  const handed: Handed = { unknown: false, byText: new Map() };
  perScope.set(key, handed);
  const tree = scope.tree.rootNode;
  for (const at of occurrences(scope, root)) {
    const node = tree.descendantForIndex(at, at + root.length);
    if (!node || node.text !== root) {
      handed.unknown = true;
      return handed;
    }
    if (inAssertion(node)) continue;
    // `root`, then `root.a`, `root.a.b` while the chain goes on: each level that is a call's argument is recorded.
    for (let level: TsNode | null = node; level;) {
      const outer = outward(level);
      const argument = outer.parent?.type === "keyword_argument" ? outer.parent : outer;
      const isValue = argument.type !== "keyword_argument" || argument.childForFieldName("value")?.id === outer.id;
      // `mock_load.return_value = conf`, `self.client.conf = conf`: set on an object's attribute, the double goes where
      // that object goes; `readKind` keeps it the test's only on a double no patch made (a patch's answer is handed
      // to the code under test that calls the patched function).
      const assigned = outer.parent?.type === "assignment" && outer.parent.childForFieldName("right")?.id === outer.id;
      const answer = assigned && outer.parent!.childForFieldName("left")?.type === "attribute";
      if (answer || (isValue && argument.parent?.type === "argument_list")) {
        const text = level.text.replace(/\s+/g, "");
        const list = handed.byText.get(text);
        if (list) list.push(level);
        else handed.byText.set(text, [level]);
      }
      const parent: TsNode | null = level.parent;
      level = parent?.type === "attribute" && parent.childForFieldName("object")?.id === level.id ? parent : null;
    }
  }
  return handed;
}
