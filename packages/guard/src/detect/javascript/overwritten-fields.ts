// A field the constructor stores again before anything can read it: TypeScript's and Babel's output of a class field
// `_timeout = 3000` and a constructor `constructor(host, port, timeout = 3000) { ...; this._timeout = timeout; }` is
// `this._timeout = 3000; this._resendTimeout = 1000; this.host = host; ...; this._timeout = timeout;`
// (emberplus-connection's EmberClient, fresh389), and the source keeps the field and the store. The first value
// bounds nothing: up to the second store, the constructor only calls `super(...)` and sets fields, from values that
// do not mention `this`, so no code (a method, a callback, a getter) can read the field before it is replaced. The
// second store must not mention `this` either (`this._timeout = timeout ?? this._timeout` keeps the first value).
import { type EsNode, isNode, memberName, propertyName, unwrap } from "./ast.ts";

/** `this.name`, not computed: the field a statement stores. */
function storedField(statement: EsNode): { name: string; store: EsNode } | undefined {
  if (statement.type !== "ExpressionStatement") return undefined;
  const store = unwrap(statement.expression as EsNode);
  if (store.type !== "AssignmentExpression" || store.operator !== "=") return undefined;
  const left = store.left as EsNode;
  if (left.type !== "MemberExpression" || left.computed || (left.object as EsNode).type !== "ThisExpression")
    return undefined;
  const name = memberName(left);
  return name === undefined ? undefined : { name, store };
}

/** `super(a, b)` with no `this` in its arguments. */
function isSuperCall(statement: EsNode, mentionsThis: (node: EsNode) => boolean): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const call = unwrap(statement.expression as EsNode);
  return call.type === "CallExpression" && (call.callee as EsNode).type === "Super" && !mentionsThis(call);
}

/**
 * The stores (`this.x = 3000`) and class fields (`x = 3000`) of `classBody` that its constructor replaces before
 * anything can read them. `mentionsThis` tells whether a node's text names `this`.
 */
export function overwrittenFields(classBody: EsNode, mentionsThis: (node: EsNode) => boolean): EsNode[] {
  const members = classBody.body as EsNode[];
  const constructor = members.find((member) => member.type === "MethodDefinition" && member.kind === "constructor");
  const body = isNode(constructor?.value) ? ((constructor.value as EsNode).body as EsNode | undefined) : undefined;
  if (body?.type !== "BlockStatement") return [];
  // Instance fields are set before the constructor's body runs (after `super()` returns), in order; one whose value
  // names `this` may read another, so then none is judged.
  const fields = members.filter((member) => member.type === "PropertyDefinition" && !member.static);
  const pending = new Map<string, EsNode>();
  if (!fields.some((field) => isNode(field.value) && mentionsThis(field.value as EsNode)))
    for (const field of fields) {
      const name = isNode(field.value) ? propertyName(field) : undefined;
      if (name !== undefined) pending.set(name, field);
    }
  const replaced: EsNode[] = [];
  for (const statement of body.body as EsNode[]) {
    if (isSuperCall(statement, mentionsThis)) continue;
    const stored = storedField(statement);
    if (!stored || mentionsThis(stored.store.right as EsNode)) break;
    const earlier = pending.get(stored.name);
    if (earlier) replaced.push(earlier);
    pending.set(stored.name, stored.store);
  }
  return replaced;
}
