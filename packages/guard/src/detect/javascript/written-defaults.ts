// How a parameter's default is written in a function's body when it is not written in the parameter list: `if
// (timeout == null) timeout = 0` (bthreads), `const timeout = (_timeout == null) ? 0 : _timeout` (ethers' `wait`).
// `own-waits.ts` treats both like `timeout = 0` in the list.
import { type EsNode, isNode, isNullish, span, unwrap } from "./ast.ts";

/** `if (timeout == null) timeout = 0` (or `=== undefined`): the assignment of a parameter's default, if it is one. */
export function writtenDefault(statement: EsNode, name: string): EsNode | undefined {
  if (statement.type !== "IfStatement" || (statement.alternate && !onlyThrows(statement.alternate))) return undefined;
  if (unsetTest(unwrap(statement.test as EsNode), name) !== true) return undefined;
  let consequent = statement.consequent as EsNode;
  if (consequent.type === "BlockStatement" && (consequent.body as EsNode[]).length === 1)
    consequent = (consequent.body as EsNode[])[0]!;
  const assignment = consequent.type === "ExpressionStatement" ? unwrap(consequent.expression as EsNode) : undefined;
  if (assignment?.type !== "AssignmentExpression" || assignment.operator !== "=") return undefined;
  return isParam(assignment.left, name) ? assignment : undefined;
}

/**
 * `else if (!isNumber(timeout)) throw new TypeError(...)`: an alternate that refuses a wrong value and does nothing
 * else (rticonnextdds-connector's waits, fresh398), so the consequent is still the default's only write.
 */
function onlyThrows(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (node.type === "ThrowStatement") return true;
  if (node.type === "BlockStatement") {
    const body = node.body as EsNode[];
    return body.length === 1 && onlyThrows(body[0]);
  }
  return node.type === "IfStatement" && onlyThrows(node.consequent) && (!node.alternate || onlyThrows(node.alternate));
}

/**
 * `const timeout = (_timeout == null) ? 0 : _timeout`, `const timeout = _timeout ?? 0`: a local that holds the
 * parameter or, when the caller passed none, the default; its name and the default's span, if it is one.
 */
export function declaredDefault(
  declarator: EsNode,
  param: string,
): { name: string; value: [number, number] } | undefined {
  const id = declarator.id as EsNode;
  if (!isNode(declarator.init) || id.type !== "Identifier") return undefined;
  const init = unwrap(declarator.init);
  let fallback: unknown;
  if (init.type === "LogicalExpression" && init.operator === "??" && isParam(init.left, param)) fallback = init.right;
  else if (init.type === "ConditionalExpression" && isNode(init.test)) {
    const unset = unsetTest(unwrap(init.test), param);
    if (unset === true && isParam(init.alternate, param)) fallback = init.consequent;
    if (unset === false && isParam(init.consequent, param)) fallback = init.alternate;
  }
  return isNode(fallback) ? { name: id.name as string, value: span(fallback) } : undefined;
}

/** `p == null` / `p === undefined` (true), `p != null` / `p !== undefined` (false), or neither (undefined). */
function unsetTest(test: EsNode, name: string): boolean | undefined {
  if (test.type !== "BinaryExpression") return undefined;
  const [left, right] = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
  if (!((isParam(left, name) && isNullish(right)) || (isParam(right, name) && isNullish(left)))) return undefined;
  if (/^==?=$/.test(test.operator as string)) return true;
  return /^!==?$/.test(test.operator as string) ? false : undefined;
}

/** Whether `node` is the parameter itself (through parentheses and `as` casts). */
export function isParam(node: unknown, name: string): boolean {
  return isNode(node) && unwrap(node).type === "Identifier" && unwrap(node).name === name;
}
