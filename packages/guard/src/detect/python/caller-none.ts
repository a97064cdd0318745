// The caller's None under another name: `if self._timeout != None: timeout = now + self._timeout else: timeout =
// float('inf')` (termineter's serial read) and a timeout setter's `if value is None: self._timeout_ms = 24 * 60 * 60 *
// 1000` (s3ql) re-spell the caller's "no limit" for what comes next, as `if timeout is None: timeout = float("inf")`
// does (README "The caller's "no limit""). The value tested must be the caller's timeout: a timeout's name, or a
// parameter of a function named for one (a setter's `value`).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { enclosingFunction, parameterName, referenceName } from "./syntax.ts";

/** How many enclosing statements are looked through for the test. */
const MAX_DEPTH = 12;

/** Whether `node` sits where another value the caller gave, a timeout, has just been found to be None. */
export function underCallerNone(facts: PyFacts, node: TsNode): boolean {
  let child: TsNode = node;
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++, child = current, current = current.parent) {
    if (current.type === "function_definition" || current.type === "class_definition") return false;
    if (current.type === "if_statement" && child.type === "else_clause")
      return testsNone(facts, current.childForFieldName("condition"), "is not None", node);
    if ((current.type === "if_statement" || current.type === "elif_clause") && child.type === "block")
      return testsNone(facts, current.childForFieldName("condition"), "is None", node);
  }
  return false;
}

// `X is None` / `X == None` (or `is not` / `!=`), X the caller's timeout.
function testsNone(facts: PyFacts, condition: TsNode | null, form: "is None" | "is not None", at: TsNode): boolean {
  if (condition?.type !== "comparison_operator" || condition.namedChildren.length !== 2) return false;
  const [subject, none] = condition.namedChildren;
  const operator = condition.children
    .filter((c) => c !== null && !c.isNamed)
    .map((c) => c!.text)
    .join(" ");
  const wanted = form === "is None" ? /^(is|==)$/ : /^(is not|!=)$/;
  return (
    none?.type === "none" &&
    subject !== null &&
    subject !== undefined &&
    wanted.test(operator) &&
    callerTimeout(facts, subject, at)
  );
}

function callerTimeout(facts: PyFacts, subject: TsNode, at: TsNode): boolean {
  const name = referenceName(subject);
  if (facts.isTimeout(name)) return true;
  if (subject.type !== "identifier") return false;
  const fn = enclosingFunction(at);
  const parameters = fn?.childForFieldName("parameters")?.namedChildren ?? [];
  const isParameter = parameters.some((p) => p !== null && parameterName(p) === subject.text);
  return isParameter && facts.isTimeout(fn?.childForFieldName("name")?.text);
}
