// An HTTP response written as data: a mock API's canned answer (`response: { status: 200, body: json({ name: "test",
// timeout: 30 }) }`, typespec's Spector specs), a handler's `{ statusCode: 200, body: { ... } }`. Its body is the
// payload a server sends or a mock answers with: a `timeout` in it is a field of that data, and nothing in this process
// waits on it (as the canned data of a tests folder, `canned-data.ts`).
import { type EsNode, propertyName, span, unwrap } from "./ast.ts";

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
