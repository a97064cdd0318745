// Rate-limit WINDOWS: a duration the code sleeps out the rest of between batches of requests, pacing them, not bounding
// a wait. pontos' NVD client keeps `SLEEP_TIMEOUT = 30.0` and, after too many requests, does
// `if elapsed < SLEEP_TIMEOUT: await asyncio.sleep(SLEEP_TIMEOUT - elapsed)`, then starts a new batch: nothing waits
// for anything that could fail to come. A sleep of a deadline's remainder followed by a test of what came meanwhile
// (`sleep(TIMEOUT - elapsed)` then `if not done: raise`) stays a deadline.
import { isSleep } from "./sleeps.ts";
import type { Node as TsNode } from "web-tree-sitter";
import { outward } from "./expiries.ts";
import { enclosingFunction, unwrap } from "./syntax.ts";

/**
 * Whether `read` (a name or `self.NAME`) is the window of a rate limit: the left of `read - x` whose value is slept
 * for (`rested`), or ordered against `x` in an `if` whose body sleeps out `read - x`.
 */
export function restOfWindow(read: TsNode): boolean {
  const outer = outward(read);
  const parent = outer.parent;
  if (parent?.type === "binary_operator" && parent.childForFieldName("operator")?.text === "-")
    return parent.childForFieldName("left")?.id === outer.id && rested(parent);
  if (parent?.type !== "comparison_operator" || parent.namedChildren.length !== 2) return false;
  if (!/^[<>]=?$/.test(parent.child(1)?.text ?? "")) return false;
  const test = outward(parent);
  const statement = test.parent;
  if (statement?.type !== "if_statement" || statement.childForFieldName("condition")?.id !== test.id) return false;
  const other = parent.namedChildren.find((child) => child !== null && child.id !== outer.id);
  const body = statement.childForFieldName("consequence");
  if (!other || !body) return false;
  const written = (node: TsNode | null) => node?.text.replace(/\s+/g, "");
  return body
    .descendantsOfType("binary_operator")
    .some(
      (rest) =>
        rest !== null &&
        rest.childForFieldName("operator")?.text === "-" &&
        written(unwrap(rest.childForFieldName("left")!)) === written(outer) &&
        written(unwrap(rest.childForFieldName("right")!)) === written(other) &&
        rested(rest),
    );
}

// `sleep(rest)`, `sleep(max(0, rest))`, or `pause = rest` then only `sleep(pause)`: the rest is slept for, and the
// sleep is followed (in its block, and in every block around it up to the function's body) by assignments only: the
// next batch starts, nothing is tested.
function rested(rest: TsNode): boolean {
  const value = throughMax(outward(rest));
  const sleep = sleepOf(value);
  if (sleep) return onlyAssignmentsAfter(sleep);
  const assignment = value.parent;
  const local = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  const fn = enclosingFunction(rest);
  if (local?.type !== "identifier" || assignment!.childForFieldName("right")?.id !== value.id || !fn) return false;
  const reads = fn
    .descendantsOfType("identifier")
    .filter((node) => node !== null && node.text === local.text && node.id !== local.id);
  return (
    reads.length > 0 &&
    reads.every((node) => {
      const sleep = node && sleepOf(throughMax(outward(node)));
      return sleep !== undefined && sleep !== null && onlyAssignmentsAfter(sleep);
    })
  );
}

// `max(0, rest)`, `max(rest, 0)`: the call around the rest that keeps it from going negative.
function throughMax(node: TsNode): TsNode {
  const list = node.parent;
  const call = list?.type === "argument_list" ? list.parent : null;
  if (call?.type !== "call" || call.childForFieldName("function")?.text !== "max") return node;
  const others = list!.namedChildren.filter((child) => child !== null && child.id !== node.id);
  return others.length === 1 && /^0(\.0*)?$/.test(others[0]!.text) ? outward(call) : node;
}

// The sleep call statement whose first argument is `value` (`time.sleep(v)`, `await asyncio.sleep(v)`).
function sleepOf(value: TsNode): TsNode | undefined {
  const list = value.parent;
  const call = list?.type === "argument_list" ? list.parent : null;
  if (call?.type !== "call" || list!.namedChildren[0]?.id !== value.id) return undefined;
  if (!isSleep(call)) return undefined;
  const expression = call.parent?.type === "await" ? call.parent : call;
  return expression.parent?.type === "expression_statement" ? expression.parent : undefined;
}

function onlyAssignmentsAfter(statement: TsNode): boolean {
  for (let current: TsNode | null = statement; current;) {
    for (let next = current.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (next.type === "comment") continue;
      const inner = next.type === "expression_statement" ? next.namedChildren[0] : null;
      if (inner?.type !== "assignment" && inner?.type !== "augmented_assignment") return false;
    }
    if (current.parent?.type !== "block") return false;
    let around: TsNode | null = current.parent.parent;
    if (around?.type === "function_definition") return true;
    // Out of an `else`/`elif`/`except`/`finally` body: the statements after the whole statement follow too.
    if (around && /^(else|elif|except|finally)_clause$/.test(around.type)) around = around.parent;
    current = around;
  }
  return false;
}
