// x402's payment requirements: `maxTimeoutSeconds` is how long the payer's signed payment stays valid (the
// facilitator refuses it after that), a lifetime sent to the payer, not a wait of this code (uvd-x402-sdk, fresh292;
// the x402 precedents of earlier sets, all labelled not real). Known by the protocol the file names, and followed one
// step: a name whose every read is a `maxTimeoutSeconds` value or its fallback (`timeoutSeconds = 300` then
// `maxTimeoutSeconds: timeoutSeconds`; `maxTimeoutSeconds: accept.maxTimeoutSeconds ?? DEFAULT_PAYMENT_TIMEOUT_SECONDS`)
// is that window too.
import { type EsNode, isNode, propertyName, unwrap } from "./ast.ts";

const FIELD = "maxTimeoutSeconds";
const PROTOCOL = /x402/i;

/** The plain names a value is made of through fallbacks (`a ?? b || c`), the value itself when it is one. */
function fallbackNames(value: EsNode, into: Map<string, number>): void {
  const node = unwrap(value);
  if (node.type === "Identifier") into.set(node.name as string, (into.get(node.name as string) ?? 0) + 1);
  else if (node.type === "LogicalExpression" && node.operator !== "&&") {
    fallbackNames(node.left as EsNode, into);
    fallbackNames(node.right as EsNode, into);
  }
}

/** Reads of `name` in `source`: not a member (`.name`), an object key or a type's field (`name:`), or a write (`name =`). */
function reads(source: string, name: string): number {
  const escaped = name.replace(/\$/g, "\\$");
  return source.match(new RegExp(`(?<![.\\w$])${escaped}(?![\\w$])(?!\\s*\\??:)(?!\\s*=(?!=))`, "g"))?.length ?? 0;
}

/** Adds the payment windows' writes: every `maxTimeoutSeconds` value, and the names read only into one. */
export function paymentWindows(source: string, sites: readonly EsNode[], notDurations: Set<EsNode>): void {
  if (!source.includes(FIELD) || !PROTOCOL.test(source)) return;
  const handed = new Map<string, number>();
  for (const site of sites)
    if (site.type === "Property" && propertyName(site) === FIELD && isNode(site.value)) {
      notDurations.add(site);
      fallbackNames(site.value as EsNode, handed);
    }
  const windows = new Set([...handed].filter(([name, count]) => reads(source, name) === count).map(([name]) => name));
  if (windows.size === 0) return;
  for (const site of sites) {
    // `const { timeoutSeconds = 300 } = options`: a shorthand property whose value is the default.
    const written = site.type === "Property" && isNode(site.value) ? (site.value as EsNode) : site;
    const target =
      written.type === "VariableDeclarator"
        ? (written.id as EsNode)
        : written.type === "AssignmentPattern" || written.type === "AssignmentExpression"
          ? (written.left as EsNode)
          : undefined;
    if (target?.type === "Identifier" && windows.has(target.name as string)) notDurations.add(site);
  }
}
