// A test's value that reaches only doubles: `timeout = 2` handed to `Client(server, timeout=timeout,
// socket_module=MockSocketModule())` and compared in `assert client.sock.timeouts == [connect_timeout, timeout]`;
// a test module's `timeout = 10` handed only to `self.mgr.stop(uuid, timeout)` on a manager built on `FakeAPI(...)`;
// `fake_timeout_s = 10` handed to the code under test and found again in a mock's call record
// (`self._mock_run.assert_called_once_with(..., fake_timeout_s * 1000)`); a setUp's `self.timeout = 60` read only in
// `mock.call.Request(..., timeout=self.timeout)`, an expected call. The literal is test data: every read of the name
// goes to a double, an expected call or an assertion, so nothing the test runs can wait with it. Decided by where
// each read goes (the doubles of `doubles.ts`, the assertions of `context.ts`), never by the name.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { isAssignmentTarget } from "./lifetimes.ts";
import { occurrences, referenceName } from "./syntax.ts";
import { type Read, readKind, testsWithDoubles } from "./test-reads.ts";

/**
 * Whether the value assigned to `left` (a local of a test function, a test module's constant, or a test class's
 * `self.x`) reaches only doubles: every read is an argument of a call on a double, making one or handed one as its
 * transport (`socket_module=Fake()`; not a known blocking API nor a wait's method), an argument of an expected call
 * (`mock.call.X(...)`), or compared in an assertion, in a module of tests; and at least one read reaches a double or a
 * mock's call record. An argument of a call to the code under test (one handed a mocked logger included) counts only
 * when the name is found in the call record of a mock that call can reach (`reaches`): the code under test handed it
 * on to a double.
 */
export function onlyHandedToDoubles(facts: PyFacts, assignment: TsNode, left: TsNode, name: string): boolean {
  if (!testsWithDoubles(facts)) return false;
  const scope = readScope(facts, assignment, left);
  if (!scope) return false;
  const reads: Read[] = [];
  const root = scope.tree.rootNode;
  const self = left.type === "attribute";
  // The file's word index (built once per tree): a module of n constants costs their reads, not n scans of the file.
  for (const at of occurrences(scope, name)) {
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
    if (kind.kind === "other") return false;
    reads.push(kind);
  }
  if (!reads.some((r) => r.kind === "double" || r.kind === "record")) return false;
  const mocks = reads.flatMap((r) => (r.kind === "record" && r.mock ? [r.mock] : []));
  return reads.every((r) => r.kind !== "handed" || reaches(facts, r, mocks));
}

// A call to the code under test handed the name counts only when a mock whose call record holds the name could be
// reached by it: the mock is an argument of that call, is part of the call's receiver (installed on it,
// `self._ioutils._run = self._mock_run`, or taken from it, `self._mock_run = self._ioutils._win32_utils.run`, then
// `self._ioutils.wait_named_pipe(..., timeout=t)`), or the test patches
// collaborators and checks their records (`@mock.patch("app.metrics")`). An unrelated listener's record is no evidence.
function reaches(facts: PyFacts, read: Read, mocks: string[]): boolean {
  if (mocks.length === 0 || !read.call) return false;
  if (facts.doubles.patched(read.node).checked) return true;
  const handed = facts.doubles.doubleArguments(read.call).map((a) => {
    const value = a.type === "keyword_argument" ? a.childForFieldName("value") : a;
    return (value?.text ?? "").replace(/\s+/g, "");
  });
  if (mocks.some((m) => handed.includes(m))) return true;
  const callee = read.call.childForFieldName("function");
  const receiver =
    callee?.type === "attribute" ? callee.childForFieldName("object")?.text.replace(/\s+/g, "") : undefined;
  if (!receiver) return false;
  const code = facts.fileCode();
  const r = escape(receiver);
  return mocks.some((m) => {
    if (m.startsWith(`${receiver}.`)) return true;
    const mock = escape(m);
    // `self._ioutils._run = self._mock_run`, or `self._mock_run = self._ioutils._win32_utils.run_and_check_output`.
    return (
      new RegExp(`(^|[^\\w.])${r}\\.\\w+\\s*=\\s*${mock}\\s*(\n|$)`).test(code) ||
      new RegExp(`(^|[^\\w.])${mock}\\s*=\\s*${r}(\\.\\w+)+\\s*(\n|$)`).test(code)
    );
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
