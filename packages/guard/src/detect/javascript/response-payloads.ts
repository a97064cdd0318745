// An HTTP response written as data: a mock API's canned answer (`response: { status: 200, body: json({ name: "test",
// timeout: 30 }) }`, typespec's Spector specs), a handler's `{ statusCode: 200, body: { ... } }`. Its body is the
// payload a server sends or a mock answers with: a `timeout` in it is a field of that data, and nothing in this process
// waits on it (as the canned data of a tests folder, `canned-data.ts`).
import { type EsNode, memberName, propertyName, span, unwrap } from "./ast.ts";

/** Keys that give a response's HTTP status. */
const STATUS_KEYS = new Set(["status", "statusCode"]);

/** The span of the `body` of an object literal that is an HTTP response: a status code written as a number beside it. */
export function responsePayloads(node: EsNode): [number, number][] {
  let status = false;
  let body: EsNode | undefined;
  for (const entry of node.properties as EsNode[]) {
    if (entry.type !== "Property") continue;
    const key = propertyName(entry);
    const value = unwrap(entry.value as EsNode);
    if (key === "body") body = value;
    else if (key !== undefined && STATUS_KEYS.has(key))
      status = value.type === "Literal" && typeof value.value === "number" && value.value >= 100 && value.value < 600;
  }
  return status && body ? [span(body)] : [];
}

/** Methods that send a response's body: express's `res.json(...)`/`res.send(...)`, fastify's `reply.send(...)`. */
const SEND_METHODS = new Set(["json", "jsonp", "send"]);
/** The names a server handler's response object goes by (express `res`, fastify `reply`). */
const RESPONSE_OBJECT = /^(res|resp|response|reply)$/;

/**
 * The span of the object a server handler sends as a response's body (`reply.send({ status: "pending", timeout: 120
 * })`, @hellocoop/mockin, fresh410; `res.status(202).json({ ... })`): a field of what the client is told; nothing in
 * this process waits on it.
 */
export function sentPayloads(node: EsNode): [number, number][] {
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression" || !SEND_METHODS.has(memberName(callee) ?? "")) return [];
  let receiver = unwrap(callee.object as EsNode);
  // `res.status(202).json(...)`, `reply.code(200).header(...).send(...)`: the chain back to the response object.
  for (let depth = 0; depth < 4 && receiver.type === "CallExpression"; depth++) {
    const inner = unwrap(receiver.callee as EsNode);
    if (inner.type !== "MemberExpression") return [];
    receiver = unwrap(inner.object as EsNode);
  }
  if (receiver.type !== "Identifier" || !RESPONSE_OBJECT.test(receiver.name as string)) return [];
  const body = (node.arguments as EsNode[])[0];
  return body && unwrap(body).type === "ObjectExpression" ? [span(body)] : [];
}
