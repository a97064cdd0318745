// Sockets a class makes and sets a timeout on: whether a stored setting of None leaves them blocking without a limit.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

// `if self.x is not None: self.sock.settimeout(self.x)` (or `if self.x:`), with no `else`, on a socket the class
// itself makes (`self.sock = socket.socket(...)`): on None the socket is left as it was made, blocking without a limit
// (pyclamd). Not on a socket the caller hands in (its timeout is the caller's), nor where the class makes its sockets
// non-blocking or changes the process-wide default (`setblocking`, `setdefaulttimeout`).
export function setOnlyWhenGiven(facts: PyFacts, read: TsNode, stored: string, cls: TsNode): boolean {
  if (!settimeoutArgument(read) || /\b(setblocking|setdefaulttimeout)\s*\(/.test(cls.text)) return false;
  const receiver = read.parent?.parent?.childForFieldName("function")?.childForFieldName("object")?.text;
  if (!receiver || !madeHere(facts, cls, receiver.replace(/\s+/g, ""))) return false;
  const given = new RegExp(
    `^(not\\s+${stored.replace(/[.]/g, "\\.")}\\s+is\\s+None|${stored.replace(/[.]/g, "\\.")}(\\s+is\\s+not\\s+None)?)$`,
  );
  let tests = 0;
  for (let current: TsNode | null = read.parent; current && current.id !== cls.id; current = current.parent) {
    if (current.type === "boolean_operator" || current.type === "conditional_expression") return false;
    if (!/^(if_statement|elif_clause|while_statement)$/.test(current.type)) continue;
    const condition = current.childForFieldName("condition");
    if (!condition || !condition.text.includes(stored)) continue;
    if (current.type !== "if_statement" || current.childForFieldName("alternative")) return false;
    if (!given.test(unwrap(condition).text.replace(/\s+/g, " ").trim())) return false;
    tests++;
  }
  return tests === 1;
}

// `target = socket.socket(...)` somewhere in the class: a socket it makes, with the default timeout (none).
function madeHere(facts: PyFacts, cls: TsNode, target: string): boolean {
  return cls.descendantsOfType("assignment").some((assignment) => {
    const right = assignment?.childForFieldName("right");
    if (assignment?.childForFieldName("left")?.text.replace(/\s+/g, "") !== target || right?.type !== "call")
      return false;
    return facts.resolve(right.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "") === "socket.socket";
  });
}

// A `settimeout(...)` in another method of the class: each wait there sets its own, the constructor's is not kept.
export function setsTimeoutElsewhere(cls: TsNode, fn: TsNode): boolean {
  return cls
    .descendantsOfType("call")
    .some(
      (call) =>
        call !== null &&
        /(^|\.)settimeout$/.test(call.childForFieldName("function")?.text ?? "") &&
        (call.startIndex < fn.startIndex || call.startIndex >= fn.endIndex),
    );
}

// `sock.settimeout(timeout)`: the socket's later reads and accepts wait with it.
export function settimeoutArgument(value: TsNode): boolean {
  const call = value.parent?.parent;
  return (
    value.parent?.type === "argument_list" &&
    call?.type === "call" &&
    /(^|\.)settimeout$/.test(call.childForFieldName("function")?.text ?? "") &&
    value.parent.namedChildren[0]?.id === value.id
  );
}
