// A deadline applied only when one is given, the same operation awaited without one otherwise: ppadb's
// `if self.timeout: ... = await asyncio.wait_for(asyncio.open_connection(h, p), self.timeout)` with
// `else: ... = await asyncio.open_connection(h, p)`. The test keeps None away from `wait_for`, but on None the `else`
// waits without a limit: a None given is kept for that wait, as one handed to `wait_for` itself would be.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

/**
 * `read` (of `target`, a parameter or `self.x`) is the timeout of an `asyncio.wait_for(op, ...)` inside an `if` that
 * tests only that `target` is given, whose `else` runs the same `op` with no `wait_for` around it.
 */
export function elseWaitsUnbounded(facts: PyFacts, read: TsNode, target: string): boolean {
  const call = timeoutOfWaitFor(facts, read);
  const operation = call?.childForFieldName("arguments")?.namedChildren[0];
  if (!call || !operation) return false;
  const given = new RegExp(`^(${escape(target)}|${escape(target)} is not None|not ${escape(target)} is None)$`);
  for (
    let current: TsNode | null = call.parent, inner: TsNode = call;
    current;
    inner = current, current = current.parent
  ) {
    if (current.type === "function_definition" || current.type === "class_definition") return false;
    if (current.type !== "if_statement") continue;
    const condition = current.childForFieldName("condition");
    if (!condition || !condition.text.includes(target)) continue;
    if (inner.id !== current.childForFieldName("consequence")?.id) return false;
    if (!given.test(unwrap(condition).text.replace(/\s+/g, " ").trim())) return false;
    const alternatives = current.childrenForFieldName("alternative").filter((n): n is TsNode => n !== null);
    if (alternatives.length !== 1 || alternatives[0]!.type !== "else_clause") return false;
    const wanted = operation.text.replace(/\s+/g, "");
    return alternatives[0]!
      .descendantsOfType("call")
      .some((other) => other !== null && other.text.replace(/\s+/g, "") === wanted && other.parent?.type === "await");
  }
  return false;
}

/** The `asyncio.wait_for(...)` call `read` is the timeout of (second positional argument or `timeout=`). */
function timeoutOfWaitFor(facts: PyFacts, read: TsNode): TsNode | undefined {
  const argument = read.parent?.type === "keyword_argument" ? read.parent : read;
  if (argument.type === "keyword_argument" && argument.childForFieldName("name")?.text !== "timeout") return undefined;
  const list = argument.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return undefined;
  if (argument.type !== "keyword_argument" && list!.namedChildren[1]?.id !== argument.id) return undefined;
  const callee = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  return facts.resolve(callee) === "asyncio.wait_for" ? call : undefined;
}

function escape(text: string): string {
  return text.replace(/[.]/g, "\\.");
}
