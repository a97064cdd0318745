// Points in time the code computes as "now + N" and then polls against: a deadline, whatever it is named.
import type { Node as TsNode } from "web-tree-sitter";
import { inNestedScope, namesIn, orderedAgainst, waitsBesidesSleep } from "./clock-comparisons.ts";
import { inWhile, isClockReading } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";

// `timeout = time.perf_counter() + 8` then, in a loop, `assert time.perf_counter() < timeout`; `t = time.time() + 0.5`
// then `while time.time() < t:`; `limit = time.time() + 2.0` checked by the enclosing `while ... time.time() < limit`:
// the name is compared by order with a fresh clock reading inside a `while` loop of the same function (or, for a
// field, of the file), so the literal added to the clock bounds that loop's wait. The same sum compared outside a loop
// is an expiry (`if time.time() > self.expires: refresh()`), a lifetime, not reported here.
export function polledUntil(facts: PyFacts, assignment: TsNode, left: TsNode): boolean {
  if (left.type !== "identifier" && left.type !== "attribute") return false;
  const name = left.type === "identifier" ? left.text : left.childForFieldName("attribute")?.text;
  if (!name) return false;
  let scope: TsNode = assignment.tree.rootNode;
  if (left.type === "identifier")
    for (let current = assignment.parent; current; current = current.parent)
      if (current.type === "function_definition") {
        scope = current.childForFieldName("body") ?? current;
        break;
      }
  for (const found of namesIn(scope, new RegExp(`(?<![\\w])${name}(?!\\w)`, "g"), name, left)) {
    const parent = found.parent;
    // `self._deadline` read as a whole; a bare name must be the same kind of reference as the target.
    const read =
      parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === found.id ? parent : found;
    if (read.type !== left.type || read.text.replace(/\s+/g, "") !== left.text.replace(/\s+/g, "")) continue;
    const compared = orderedAgainst(read);
    if (!compared || !inWhile(compared.comparison)) continue;
    const { comparison, other } = compared;
    if (isClockReading(facts, other) && endsTheLoop(comparison) && !runsItsWholePeriod(comparison)) return true;
  }
  return false;
}

// `etime = time() + 0.25` then `while time() < etime: sleep(0.01); canvas.process_events()`: when the clock is the
// loop's whole condition and the body can neither leave the loop (`break`, `return`, `raise`) nor wait on anything but
// a sleep, the loop runs its whole period every time. A fixed period of work (a warm-up, a settling time), not a
// bound on a wait: nothing in it can come late. Another condition (`while not done and time() < t`), an exit in the
// body, or a wait in it (`q.get(timeout=0.1)`, `sock.recv(...)`, `await`) keeps the deadline.
function runsItsWholePeriod(comparison: TsNode): boolean {
  let current = comparison;
  while (current.parent?.type === "parenthesized_expression") current = current.parent;
  const loop = current.parent;
  if (loop?.type !== "while_statement" || loop.childForFieldName("condition")?.id !== current.id) return false;
  const body = loop.childForFieldName("body");
  if (!body) return false;
  const kinds = ["call", "await", "yield", "break_statement", "return_statement", "raise_statement"];
  for (const node of body.descendantsOfType(kinds)) {
    if (!node || inNestedScope(node, body)) continue;
    if (node.type === "break_statement") {
      if (!insideInnerLoop(node, body)) return false;
      continue;
    }
    if (node.type !== "call" || waitsBesidesSleep(node)) return false;
  }
  return true;
}

// A `break` of a `for`/`while` nested in the loop's body ends that inner loop only.
function insideInnerLoop(node: TsNode, body: TsNode): boolean {
  for (let current = node.parent; current && current.id !== body.id; current = current.parent)
    if (current.type === "for_statement" || current.type === "while_statement") return true;
  return false;
}

// The test stops the wait when the time is up: it is the loop's condition, an `assert`, or an `if` that breaks,
// returns or raises. `if loop.time() >= next_update: redraw(); next_update = loop.time() + 1` paces work instead.
export function endsTheLoop(comparison: TsNode): boolean {
  for (let current: TsNode | null = comparison; current; current = current.parent) {
    const parent: TsNode | null = current.parent;
    if (!parent) return false;
    if (parent.type === "while_statement") return parent.childForFieldName("condition")?.id === current.id;
    if (parent.type === "assert_statement") return true;
    if (
      (parent.type === "if_statement" || parent.type === "elif_clause") &&
      parent.childForFieldName("condition")?.id === current.id
    ) {
      const body = parent.childForFieldName("consequence");
      return (
        body !== null && body.namedChildren.some((s) => s !== null && /^(break|return|raise)_statement$/.test(s.type))
      );
    }
    if (parent.type === "function_definition" || parent.type === "block") return false;
  }
  return false;
}
