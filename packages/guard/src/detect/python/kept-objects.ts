// Whether the object a call makes outlives the function that makes it (`settings.ts`: a "no limit" handed to a class or
// factory counts only where the object made is kept for its later waits).
import type { Node as TsNode } from "web-tree-sitter";

// A test double made (`mock.Mock()`, `MagicMock(spec=socket.socket)`, `create_autospec(...)`).
const MOCK_CALL = /^(\w+\.)*(\w*Mock|create_autospec)\s*\(/;

// The object a call makes outlives the function: returned (not from `__init__`), stored on an attribute or under a
// key, or in a name the function declares `global` (`self.transport = T(...)`, `return cls(...)`, `socketinst = C(...)`).
export function keptResult(call: TsNode, fn: TsNode): boolean {
  const parent = call.parent;
  const value =
    parent?.type === "boolean_operator" && parent.childForFieldName("right")?.id === call.id ? parent : call;
  const holder = value.parent;
  if (holder?.type === "return_statement") return fn.childForFieldName("name")?.text !== "__init__";
  if (holder?.type !== "assignment" || holder.childForFieldName("right")?.id !== value.id) return false;
  const left = holder.childForFieldName("left");
  // `self.transport = T(...)`, `app[key] = Client(...)`: kept on an object or in a mapping that outlives the call.
  if (left?.type === "attribute" || left?.type === "subscript") return true;
  if (left?.type !== "identifier") return false;
  const body = fn.childForFieldName("body");
  return (
    (body?.descendantsOfType("global_statement") ?? []).some((statement) =>
      statement?.namedChildren.some((name) => name?.text === left.text),
    ) ||
    (body !== null && body !== undefined && keptLocal(body, left.text, fn))
  );
}

// `transport = Transport(...)` then `self.transport = transport`, `return transport` (not from `__init__`) or, in
// `__init__`, `BaseConnection.__init__(self, transport)`: the local's object is kept after all. Not when the function
// gives it a test double to wait on (`sc._sock = mock.Mock()`: a test helper's client never reaches a socket).
function keptLocal(body: TsNode, name: string, fn: TsNode): boolean {
  const init = fn.childForFieldName("name")?.text === "__init__";
  const member = new RegExp(`^${name}\\.\\w+$`);
  const doubled = body
    .descendantsOfType("assignment")
    .some(
      (assignment) =>
        member.test(assignment?.childForFieldName("left")?.text ?? "") &&
        MOCK_CALL.test(assignment?.childForFieldName("right")?.text ?? ""),
    );
  if (doubled) return false;
  for (const use of body.descendantsOfType("identifier")) {
    if (use?.text !== name) continue;
    const parent = use.parent;
    if (parent?.type === "return_statement") return !init;
    const right = parent?.type === "assignment" && parent.childForFieldName("right")?.id === use.id;
    if (right && /^(attribute|subscript)$/.test(parent.childForFieldName("left")?.type ?? "")) return true;
    const call = parent?.type === "argument_list" ? parent.parent : undefined;
    if (
      init &&
      call?.type === "call" &&
      /(^super\(\)|\w)\.__init__$/.test(call.childForFieldName("function")?.text ?? "")
    )
      return true;
  }
  return false;
}
