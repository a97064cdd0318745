// Entries of an HTTP request's headers: `axios.get(url, { headers: { "User-Agent": ua, timeout: 10000 } })`
// (@iobroker/js-controller-common-db, fresh248) sends `timeout: 10000` as a header line; axios never reads it there,
// so it bounds nothing. A `timeout` beside `headers` is still the request's option.
import { type EsNode, isNode, propertyName, unwrap } from "./ast.ts";

/** The keys an object of request options holds its headers under. */
const HEADERS_KEY = /^headers$/i;

/** The entries of the header objects an object literal holds (`{ headers: { timeout: 10000 } }`'s `timeout`). */
export function headerEntries(node: EsNode): EsNode[] {
  const entries: EsNode[] = [];
  for (const property of node.properties as EsNode[]) {
    if (property.type !== "Property" || !isNode(property.value) || !HEADERS_KEY.test(propertyName(property) ?? ""))
      continue;
    const headers = unwrap(property.value as EsNode);
    if (headers.type === "ObjectExpression")
      for (const entry of headers.properties as EsNode[]) if (entry.type === "Property") entries.push(entry);
  }
  return entries;
}
