// A test's value that reaches only doubles: `timeout = 2` handed to `Client(server, timeout=timeout,
// socket_module=MockSocketModule())` and compared in `assert client.sock.timeouts == [connect_timeout, timeout]`;
// a test module's `timeout = 10` handed only to `self.mgr.stop(uuid, timeout)` on a manager built on `FakeAPI(...)`;
// `fake_timeout_s = 10` handed to the code under test and found again in a mock's call record
// (`self._mock_run.assert_called_once_with(..., fake_timeout_s * 1000)`); a setUp's `self.timeout = 60` read only in
// `mock.call.Request(..., timeout=self.timeout)`, an expected call. The literal is test data: every read of the name
// goes to a double, an expected call or an assertion, so nothing the test runs can wait with it. Decided by where
// each read goes (the doubles of `doubles.ts`, the assertions of `context.ts`), never by the name.
import type { Node as TsNode } from "web-tree-sitter";
import { matchApi } from "../../apis.ts";
import { calleeNamed, MOCK_CALLED_WITH } from "./assertion-names.ts";
import { BLOCKING_METHODS, DRAINING_METHODS, inAssertion } from "./context.ts";
import { outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { blanked, isAssignmentTarget } from "./lifetimes.ts";
import { calleeText, referenceName } from "./syntax.ts";

// unittest.mock's call recorder and the expected calls built with it: `mock.call.Request(...)`, `call.proxy.publish()`.
const EXPECTED_CALL = /^(unittest\.)?mock\.call(\.|$)/;
// A mock's call record compared: what the code under test handed its doubles.
const RECORD_ASSERTION = calleeNamed(MOCK_CALLED_WITH, "assert_has_calls");
// A module of tests: it defines test functions or methods.
const TESTS = /(^|\n)[ \t]*(async\s+)?def\s+test\w*\s*\(/;
// Doubles or expected calls somewhere in it (a cheap test before any read is followed).
const DOUBLES = /mock|Mock|Fake|fake|Stub|stub|Dummy/;

type Read = "double" | "record" | "compared" | "handed" | "other";

/**
 * Whether the value assigned to `left` (a local of a test function, a test module's constant, or a test class's
 * `self.x`) reaches only doubles: every read is an argument of a call on a double, handed one or made by one
 * (`involvesDouble`; not a known blocking API nor a wait's method), an argument of an expected call
 * (`mock.call.X(...)`), or compared in an assertion, in a module of tests; and at least one read reaches a double or a mock's call record.
 * An argument of a call to the code under test counts only when the test also finds the name in a mock's call record
 * (`assert_called_once_with(..., name)`): the code under test handed it on to a double.
 */
export function onlyHandedToDoubles(facts: PyFacts, assignment: TsNode, left: TsNode, name: string): boolean {
  const code = facts.fileCode();
  if (!TESTS.test(code) || !DOUBLES.test(code)) return false;
  const scope = readScope(facts, assignment, left);
  if (!scope) return false;
  const reads: Read[] = [];
  const text = blanked(scope.text);
  const root = scope.tree.rootNode;
  const self = left.type === "attribute";
  for (const match of text.matchAll(new RegExp(`(?<![\\w])${name}(?!\\w)`, "g"))) {
    const at = scope.startIndex + match.index;
    if (at >= left.startIndex && at < left.endIndex) continue;
    const found = root.descendantForIndex(at, at + name.length);
    if (!found || found.text !== name) return false;
    const parent = found.parent;
    // `f(timeout=...)`: the keyword's name is no read.
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === found.id) continue;
    const isAttribute = parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === found.id;
    // A local or a constant is never an object's attribute (`assert client.timeout == timeout`), and a `self` field is
    // no bare name: those are other values of the same name. Another object's attribute of a field's name (`x.timeout`
    // beside `self.timeout`) may be the same object: not followed.
    if (self !== isAttribute) continue;
    const read = isAttribute ? parent! : found;
    if (self && read.text.replace(/\s+/g, "") !== `self.${name}`) return false;
    if (isAssignmentTarget(read)) return false;
    const kind = readKind(facts, read);
    if (kind === "other") return false;
    reads.push(kind);
  }
  if (!reads.some((r) => r === "double" || r === "record")) return false;
  return !reads.includes("handed") || reads.includes("record");
}

// Where the name can be read: a local in its function, a `self.x` in its class, a test module's constant in the file.
function readScope(facts: PyFacts, assignment: TsNode, left: TsNode): TsNode | undefined {
  let fn: TsNode | undefined;
  let cls: TsNode | undefined;
  for (let current = assignment.parent; current; current = current.parent) {
    if (!fn && current.type === "function_definition") fn = current;
    if (current.type === "class_definition") {
      cls = current;
      break;
    }
  }
  if (left.type === "identifier") {
    if (fn) return /\b(locals|vars)\s*\(|\b(global|nonlocal)\s/.test(fn.text) ? undefined : fn;
    // A class attribute is read through the class or its objects anywhere: not followed.
    return cls ? undefined : assignment.tree.rootNode;
  }
  return left.type === "attribute" && fn && cls && /^self\.\w+$/.test(left.text.replace(/\s+/g, "")) ? cls : undefined;
}

function readKind(facts: PyFacts, read: TsNode): Read {
  if (inAssertion(read)) return inRecordAssertion(read) ? "record" : "compared";
  const outer = outward(read);
  const parent = outer.parent;
  const argument = parent?.type === "keyword_argument" ? parent : outer;
  if (parent?.type === "keyword_argument" && parent.childForFieldName("value")?.id !== outer.id) return "other";
  const list = argument.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return "other";
  const written = calleeText(call);
  const path = facts.resolve(written);
  if (EXPECTED_CALL.test(path)) return "double";
  const method = written.slice(written.lastIndexOf(".") + 1);
  const apis = facts.options.apis;
  if (BLOCKING_METHODS.test(method) || DRAINING_METHODS.test(method)) return "other";
  if (matchApi(apis, "python", path) !== undefined || matchApi(apis, "python", written) !== undefined) return "other";
  return facts.doubles.involvesDouble(call) ? "double" : "handed";
}

// Inside the arguments of a mock's call-record assertion (`m.assert_called_once_with(..., t * 1000)`).
function inRecordAssertion(node: TsNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "call" && RECORD_ASSERTION.test(calleeText(current))) return true;
    if (current.type === "expression_statement" || current.type === "block") return false;
  }
  return false;
}

/**
 * The literal of an assignment whose name reaches only doubles (`onlyHandedToDoubles`), reached from one of its reads
 * (`wait_named_pipe(name, timeout=fake_timeout_s)` reports `fake_timeout_s = 10` where the literal is written).
 */
export function assignedOnlyToDoubles(facts: PyFacts, literal: TsNode): boolean {
  const assignment = literal.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== literal.id) return false;
  const left = assignment.childForFieldName("left");
  const name = referenceName(left);
  return left !== null && name !== undefined && onlyHandedToDoubles(facts, assignment, left, name);
}
