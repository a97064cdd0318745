// Flush PERIODS: a duration after which a loop hands on what it has gathered and starts gathering again, not a bound on
// a wait. ewoksdata's stream reader keeps `yield_timeout = 0.01` and, each round, `if (time.perf_counter() -
// restart_buffer) > yield_timeout:` yields the buffered points and sets `restart_buffer = time.perf_counter()` again:
// the clock's start is reset, nothing is given up on. An inactivity timeout that raises, returns or breaks when it runs
// out stays a deadline, reset or not.
import type { Node as TsNode } from "web-tree-sitter";
import { isClockReading, outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

/** Whether `read` is the period of a flush: ordered against `clock() - start` in an `if` (in a loop) that resets `start`. */
export function flushPeriod(facts: PyFacts, read: TsNode): boolean {
  const outer = outward(read);
  const comparison = outer.parent;
  if (comparison?.type !== "comparison_operator" || comparison.namedChildren.length !== 2) return false;
  if (!/^[<>]=?$/.test(comparison.child(1)?.text ?? "")) return false;
  const other = comparison.namedChildren.find((child) => child !== null && child.id !== outer.id);
  const elapsed = other ? unwrap(other) : undefined;
  if (elapsed?.type !== "binary_operator" || elapsed.childForFieldName("operator")?.text !== "-") return false;
  const now = elapsed.childForFieldName("left");
  const start = elapsed.childForFieldName("right");
  if (!now || start?.type !== "identifier" || !isClockReading(facts, unwrap(now))) return false;
  // Up to the `if` whose condition holds the comparison (`not done or (elapsed > period)`).
  let condition: TsNode = comparison;
  while (condition.parent && /^(parenthesized_expression|boolean_operator|not_operator)$/.test(condition.parent.type))
    condition = condition.parent;
  const statement = condition.parent;
  if (statement?.type !== "if_statement" || statement.childForFieldName("condition")?.id !== condition.id) return false;
  const body = statement.childForFieldName("consequence");
  if (!body || !inLoop(statement)) return false;
  if (body.descendantsOfType(["raise_statement", "return_statement", "break_statement"]).length > 0) return false;
  return body.descendantsOfType("assignment").some((assignment) => {
    const left = assignment?.childForFieldName("left");
    const right = assignment?.childForFieldName("right");
    return left?.text === start.text && right !== null && right !== undefined && isClockReading(facts, unwrap(right));
  });
}

function inLoop(node: TsNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "for_statement" || current.type === "while_statement") return true;
    if (current.type === "function_definition" || current.type === "class_definition") return false;
  }
  return false;
}
