// Private fields as compilers write them, read back as the member accesses they stand for. `this.#timeout = 30000`
// becomes Babel's `_classPrivateFieldSet2(_timeout, this, 30000)` (older Babel: `_classPrivateFieldSet(this, _timeout,
// 30000)`; TypeScript's tslib: `__classPrivateFieldSet(this, _Client_timeout, 30000, "f")`), and a read becomes
// `_classPrivateFieldGet2(_timeout, this)`. Judged as written, the field is a call argument nobody names: countly-sdk-web
// sets `_requestTimeoutDuration` to 30000 for every XHR's timeout and the value went unseen. Each helper call is
// rewritten in place, before the file's one walk, into `this.timeout = 30000` or `this.timeout`, so every rule sees
// the field by its name: its waits, its resets, its expiries.
import { calleePath, type EsNode, isNode, span, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** Where each helper takes the receiver, the private map and (a write) the value; `prefixed`: `_<Class>_<field>`. */
const HELPERS: Record<string, { receiver: number; map: number; value?: number; prefixed?: boolean }> = {
  classPrivateFieldGet2: { receiver: 1, map: 0 },
  classPrivateFieldSet2: { receiver: 1, map: 0, value: 2 },
  classPrivateFieldGet: { receiver: 0, map: 1 },
  classPrivateFieldSet: { receiver: 0, map: 1, value: 2 },
  _classPrivateFieldGet: { receiver: 0, map: 1, prefixed: true },
  _classPrivateFieldSet: { receiver: 0, map: 1, value: 2, prefixed: true },
};

/** Rewrites the compiled private-field reads and writes of `program` into member reads and assignments. */
export function uncompilePrivateFields(program: EsNode, source: string, visitorKeys: VisitorKeys | undefined): void {
  // Most files were never compiled from private fields.
  if (!source.includes("lassPrivateField")) return;
  walk(program, visitorKeys, (node) => {
    if (node.type === "CallExpression") rewrite(node);
  });
}

function rewrite(call: EsNode): void {
  // `_classPrivateFieldSet2(...)`, `(0, _classPrivateFieldSet2.default)(...)`, `babelHelpers.classPrivateFieldSet2(...)`.
  const last = calleePath(call.callee as EsNode)
    ?.split(".")
    .filter((part) => part !== "default")
    .pop();
  const helper = last?.replace(/^_/, "");
  // Own keys only: a `x.constructor(...)` call must not find `Object.prototype.constructor`.
  const shape = helper !== undefined && Object.hasOwn(HELPERS, helper) ? HELPERS[helper] : undefined;
  const args = call.arguments as EsNode[];
  if (!shape || args.length < Math.max(shape.receiver, shape.map, shape.value ?? 0) + 1) return;
  const map = unwrap(args[shape.map]!);
  if (map.type !== "Identifier") return;
  const written = (map.name as string).replace(/^_/, "");
  // TypeScript's `_Client_timeout`: the class's name, then the field's.
  const name = shape.prefixed ? written.slice(written.indexOf("_") + 1) : written;
  if (!name) return;
  const receiver = args[shape.receiver]!;
  const property = located({ type: "Identifier", name }, map);
  const member = located(
    { type: "MemberExpression", object: receiver, property, computed: false, optional: false },
    {
      ...call,
    },
  );
  const value = shape.value === undefined ? undefined : args[shape.value];
  for (const key of Object.keys(call)) if (!/^(start|end|range|loc)$/.test(key)) delete call[key];
  if (value && isNode(value))
    Object.assign(call, { type: "AssignmentExpression", operator: "=", left: member, right: value });
  else Object.assign(call, member);
}

/** A new node at the place of `at` (its offsets, so findings and scopes stay where the source has them). */
function located(node: Record<string, unknown>, at: EsNode): EsNode {
  const [start, end] = span(at);
  return { ...node, start, end, ...(at.range ? { range: [start, end] } : {}) } as unknown as EsNode;
}
