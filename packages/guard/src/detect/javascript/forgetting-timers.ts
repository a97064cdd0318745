// A timer whose callback only forgets something (a cache record's lifetime): `setTimeout(() => { delete
// cache[key] }, RECORD_TIMEOUT)`, `setTimeout(() => this.values(details, { record: undefined }), RECORD_TIMEOUT)`.
// When it fires a stored value is dropped; nothing that waits fails, ends or settles. Its delay is a lifetime, as
// Python's timer schedules that only remove or clear something are (`rules.ts`).
import { calleePath, type EsNode, isFunction, isNode, isNullish, memberName, referenceName, unwrap } from "./ast.ts";
import type { TableRoles } from "./forgotten-tables.ts";

/** `clearTimeout(this.timer)`: tidying the timer's own handle forgets it too. */
const CLEAR_TIMER = /^(clearTimeout|clearInterval)$/;

/**
 * Whether `callback` (a function written in place) does nothing but forget values: `delete` of a property, `x =
 * undefined` / `x = null`, `.delete(key)` on the file's own `Map` or `Set`, a call whose object argument sets every key
 * it names to `undefined` or `null`, and clearing a timer; at least one that forgets. A table of waiters or a lock
 * table (`tables`) is not forgotten: dropping its entry ends a wait.
 */
export function onlyForgets(callback: EsNode, tables: TableRoles): boolean {
  const fn = unwrap(callback);
  if (!isFunction(fn) || !isNode(fn.body)) return false;
  const body = fn.body as EsNode;
  const statements =
    body.type === "BlockStatement" ? (body.body as EsNode[]) : [{ type: "ExpressionStatement", expression: body }];
  let forgets = false;
  for (const statement of statements) {
    if (statement.type !== "ExpressionStatement" || !isNode(statement.expression)) return false;
    const step = forgetting(unwrap(statement.expression as EsNode), tables);
    if (step === undefined) return false;
    forgets ||= step;
  }
  return forgets;
}

/** One expression of the callback: true when it forgets, false when it only tidies a timer, undefined otherwise. */
function forgetting(expression: EsNode, tables: TableRoles): boolean | undefined {
  // `delete cache[key]`: forgets, unless the table holds waiters or gates a lock.
  if (expression.type === "UnaryExpression" && expression.operator === "delete") {
    const target = unwrap(expression.argument as EsNode);
    const table =
      target.type === "MemberExpression" && target.computed
        ? referenceName(unwrap(target.object as EsNode))
        : undefined;
    return table === undefined || plainTable(tables, table) ? true : undefined;
  }
  if (expression.type === "AssignmentExpression" && expression.operator === "=" && isNode(expression.right))
    return isNullish(unwrap(expression.right)) ? true : undefined;
  if (expression.type !== "CallExpression") return undefined;
  const callee = calleePath(expression.callee as EsNode) ?? "";
  if (CLEAR_TIMER.test(callee)) return false;
  // `entries.delete(id)` on the file's own `new Map()`; not `pod.delete()` nor an HTTP client's `api.delete(url)`.
  const method = unwrap(expression.callee as EsNode);
  if (method.type === "MemberExpression" && memberName(method) === "delete") {
    const table = referenceName(unwrap(method.object as EsNode));
    const own = table !== undefined && (expression.arguments as EsNode[]).length === 1 && tables.role(table).collection;
    return own && plainTable(tables, table) ? true : undefined;
  }
  const objects = (expression.arguments as EsNode[]).map(unwrap).filter((arg) => arg.type === "ObjectExpression");
  const unsets = (object: EsNode): boolean => {
    const properties = object.properties as EsNode[];
    return (
      properties.length > 0 &&
      properties.every((p) => p.type === "Property" && isNode(p.value) && isNullish(unwrap(p.value as EsNode)))
    );
  };
  return objects.length > 0 && objects.every(unsets) ? true : undefined;
}

/** A table whose entries are stored values: no waiter's handlers, no lock that turns callers away. */
function plainTable(tables: TableRoles, name: string): boolean {
  const role = tables.role(name);
  return !role.waiters && !role.gate;
}
