// Constants that end a wait loop when the time it has run passes them, whatever they are named (README "Restated for
// comparison": compared by order with elapsed time, a constant is the bound of a loop). spyder's language-server
// producer keeps `MAX_TIMEOUT_TIME = 20000` on its class and retries `self.socket.connect(...)` until
// `time.time() - initial_time > self.MAX_TIMEOUT_TIME`, then breaks: the literal bounds the wait for the server.
import type { Node as TsNode } from "web-tree-sitter";
import { inNestedScope, namesIn, orderedAgainst, waitsBesidesSleep } from "./clock-comparisons.ts";
import { endsTheLoop } from "./deadlines.ts";
import { isClockReading } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

/**
 * `NAME = <positive number>` at module level or in a class body, read (`NAME`, or `self.NAME` / `cls.NAME` in the
 * class) as one side of an ordering comparison whose other side is the time elapsed since a local clock reading
 * (`time.time() - start`, `start` assigned from the clock in the same function), where the comparison ends a `while`
 * loop (its condition, or an `if` that breaks, returns or raises) and the loop waits on something besides a sleep
 * (a connect, a poll, a queue's get: a pacing loop or a computation budget bounds no wait). An age compared with a
 * field (`time.time() - self.last_check > 1`) is a period or an expiry, not this.
 */
export function boundsElapsedWait(facts: PyFacts, assignment: TsNode, left: TsNode): boolean {
  if (left.type !== "identifier") return false;
  const right = assignment.childForFieldName("right");
  if (!right || !((facts.evaluate(right) ?? 0) > 0)) return false;
  const holder = assignment.parent?.parent;
  const inClass = holder?.type === "block" && holder.parent?.type === "class_definition";
  if (holder?.type !== "module" && !inClass) return false;
  const scope = inClass ? holder.parent! : assignment.tree.rootNode;
  const name = left.text;
  const pattern = inClass
    ? new RegExp(`\\b(?:self|cls)\\s*\\.\\s*${name}(?!\\w)`, "g")
    : new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g");
  for (const found of namesIn(scope, pattern, name, left)) {
    const read = inClass ? found.parent : found;
    if (!read || (inClass && read.type !== "attribute")) continue;
    const compared = orderedAgainst(read);
    if (!compared || !elapsedSinceLocalStart(facts, compared.other)) continue;
    const { comparison } = compared;
    const loop = enclosingWhile(comparison);
    if (loop && endsTheLoop(comparison) && waitsBesidesSleeping(loop)) return true;
  }
  return false;
}

/** `time.time() - start` with `start = time.time()` earlier in the same function (`facts.clockNames`). */
function elapsedSinceLocalStart(facts: PyFacts, node: TsNode): boolean {
  if (node.type !== "binary_operator" || node.childForFieldName("operator")?.text !== "-") return false;
  const now = node.childForFieldName("left");
  const start = node.childForFieldName("right");
  if (!now || !start || unwrap(now).type !== "call" || !isClockReading(facts, unwrap(now))) return false;
  const local = unwrap(start);
  return local.type === "identifier" && isClockReading(facts, local);
}

/** The `while` loop the node is in, within its function. */
function enclosingWhile(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "while_statement") return current;
    if (current.type === "function_definition" || current.type === "class_definition") return undefined;
  }
  return undefined;
}

/** A call in the loop (its condition or body, not a nested function's) that may block, other than a sleep. */
function waitsBesidesSleeping(loop: TsNode): boolean {
  return loop
    .descendantsOfType(["call", "await", "yield"])
    .some((node) => node !== null && !inNestedScope(node, loop) && waitsBesidesSleep(node));
}
