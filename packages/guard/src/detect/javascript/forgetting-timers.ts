// A timer whose callback only forgets something (a cache record's lifetime): `setTimeout(() => { delete
// cache[key] }, RECORD_TIMEOUT)`, `setTimeout(() => this.values(details, { record: undefined }), RECORD_TIMEOUT)`.
// When it fires a stored value is dropped; nothing that waits fails, ends or settles. Its delay is a lifetime, as
// Python's timer schedules that only remove or clear something are (`rules.ts`).
import { calleePath, type EsNode, isFunction, isNode, unwrap } from "./ast.ts";

/** `clearTimeout(this.timer)`: tidying the timer's own handle forgets it too. */
const CLEAR_TIMER = /^(clearTimeout|clearInterval)$/;

/**
 * Whether `callback` (a function written in place) does nothing but forget values: `delete` of a property, `x =
 * undefined` / `x = null`, a map's `.delete(key)`, a call whose object argument sets every key it names to `undefined`
 * or `null`, and clearing a timer; at least one that forgets.
 */
export function onlyForgets(callback: EsNode): boolean {
  const fn = unwrap(callback);
  if (!isFunction(fn) || !isNode(fn.body)) return false;
  const body = fn.body as EsNode;
  const statements =
    body.type === "BlockStatement" ? (body.body as EsNode[]) : [{ type: "ExpressionStatement", expression: body }];
  let forgets = false;
  for (const statement of statements) {
    if (statement.type !== "ExpressionStatement" || !isNode(statement.expression)) return false;
    const step = forgetting(unwrap(statement.expression as EsNode));
    if (step === undefined) return false;
    forgets ||= step;
  }
  return forgets;
}

/** One expression of the callback: true when it forgets, false when it only tidies a timer, undefined otherwise. */
function forgetting(expression: EsNode): boolean | undefined {
  if (expression.type === "UnaryExpression" && expression.operator === "delete") return true;
  if (expression.type === "AssignmentExpression" && expression.operator === "=" && isNode(expression.right))
    return isUnset(expression.right) ? true : undefined;
  if (expression.type !== "CallExpression") return undefined;
  const callee = calleePath(expression.callee as EsNode) ?? "";
  if (CLEAR_TIMER.test(callee)) return false;
  if (/\.delete$/.test(callee)) return true;
  const objects = (expression.arguments as EsNode[]).map(unwrap).filter((arg) => arg.type === "ObjectExpression");
  const unsets = (object: EsNode): boolean => {
    const properties = object.properties as EsNode[];
    return (
      properties.length > 0 &&
      properties.every((p) => p.type === "Property" && isNode(p.value) && isUnset(p.value as EsNode))
    );
  };
  return objects.length > 0 && objects.every(unsets) ? true : undefined;
}

/** `undefined`, `null`, `void 0`. */
function isUnset(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Identifier") return value.name === "undefined";
  if (value.type === "Literal") return value.value === null && value.raw === "null";
  return value.type === "UnaryExpression" && value.operator === "void";
}
