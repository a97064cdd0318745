// Babel's output for an optional call of a method: `AbortSignal.timeout?.(5000)` becomes
// `(_AbortSignal$timeout = (_AbortSignal = AbortSignal).timeout) === null || _AbortSignal$timeout === void 0 ? void 0 :
// _AbortSignal$timeout.call(_AbortSignal, 5000)` (chayns-api's `fetch(url, { signal: ... })`, fresh422). The call is
// the method's, with the receiver first: read as `AbortSignal.timeout(5000)`.
import { type EsNode, memberName, unwrap } from "./ast.ts";

/** Babel's temporary for a method read off its receiver: `_AbortSignal$timeout`, `_this$client$request`. */
const METHOD_TEMPORARY = /^_([A-Za-z]\w*(?:\$[A-Za-z_]\w*)+)$/;

/**
 * The call `node` stands for when it is Babel's `_O$m.call(_O, ...args)`: a call of `O.m` with `args`, written where
 * `node` is; else undefined.
 */
export function optionalMethodCall(node: EsNode): EsNode | undefined {
  if (node.type !== "CallExpression") return undefined;
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression" || memberName(callee) !== "call") return undefined;
  const temporary = unwrap(callee.object as EsNode);
  const path = temporary.type === "Identifier" ? METHOD_TEMPORARY.exec(temporary.name as string)?.[1] : undefined;
  const [receiver, ...args] = node.arguments as EsNode[];
  if (path === undefined || receiver === undefined) return undefined;
  const parts = path.split("$");
  // The receiver's own temporary names the path's receiver: `_AbortSignal` for `AbortSignal.timeout`.
  const held = unwrap(receiver);
  if (held.type !== "Identifier" || held.name !== `_${parts.slice(0, -1).join("$")}`) return undefined;
  const at = { start: callee.start, end: callee.end, ...(callee.range ? { range: callee.range } : {}) };
  const name = (part: string): EsNode => ({ type: "Identifier", name: part, ...at });
  const member = (object: EsNode, part: string): EsNode => ({
    type: "MemberExpression",
    object,
    property: name(part),
    computed: false,
    optional: false,
    ...at,
  });
  const [first, ...rest] = parts;
  const root: EsNode = first === "this" ? { type: "ThisExpression", ...at } : name(first!);
  return { ...node, callee: rest.reduce(member, root), arguments: args };
}
