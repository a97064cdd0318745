// The defaults an MCP tool advertises: `inputSchema: { type: "object", properties: { timeout_seconds: { type: "number",
// default: 300 } } }` (metabase-ai-assistant's tool registry). The schema describes the tool to its clients; the MCP
// server hands the call's arguments to the handler as they came, applying no schema default, so the number bounds
// nothing (the handler's own fallback, `args.timeout_seconds || 300`, is what bounds the wait, and stays reported).
// Option tables whose `{ type, default }` a library does apply (webdriverio's, MongoDB's connection options, a yargs
// option) are not under an `inputSchema` and are judged as before.
import { type EsNode, propertyName, span, unwrap } from "./ast.ts";

/** The spans of the `default` values of the properties an object's `inputSchema` describes. */
export function advertisedDefaults(node: EsNode): [number, number][] {
  const out: [number, number][] = [];
  for (const entry of node.properties as EsNode[]) {
    if (entry.type !== "Property" || propertyName(entry) !== "inputSchema") continue;
    const schema = unwrap(entry.value as EsNode);
    const properties = schema.type === "ObjectExpression" ? valueOf(schema, "properties") : undefined;
    if (properties?.type !== "ObjectExpression") continue;
    for (const described of properties.properties as EsNode[]) {
      const spec = described.type === "Property" ? unwrap(described.value as EsNode) : undefined;
      const advertised = spec?.type === "ObjectExpression" ? valueOf(spec, "default") : undefined;
      if (advertised) out.push(span(advertised));
    }
  }
  return out;
}

/** The value of the object's property `name`, written in place. */
function valueOf(object: EsNode, name: string): EsNode | undefined {
  for (const property of object.properties as EsNode[])
    if (property.type === "Property" && propertyName(property) === name) return unwrap(property.value as EsNode);
  return undefined;
}
