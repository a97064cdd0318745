// Expiry dates built from a timeout: `this._cachedParamsExpiry = new Date(Date.now() + this._cachedParamsTimeout)`
// (@algorandfoundation/algokit-utils' suggested-params cache) stores WHEN a stored value goes stale; the duration
// added to the clock is how long the entry lives (a lifetime), and nothing waits for that date to come. A date stored
// as a deadline (`deadline: new Date(Date.now() + timeout)`, gRPC's) bounds a call and stays a timeout.
import { destinationOf, type EsNode, isNode, referenceName, unwrap } from "./ast.ts";
import { words } from "../../name-words.ts";

/** Words of a destination that holds an expiry date: `cacheExpiry`, `expiresAt`, `validUntil`, `staleAt`. */
const EXPIRY_WORDS = new Set(["expiry", "expires", "expire", "expiration", "until", "stale", "ttl"]);

/** `Date.now()`, `+new Date()`, `new Date().getTime()`, `new Date().valueOf()`, `performance.now()`: the clock now. */
function isClock(raw: EsNode): boolean {
  const node = unwrap(raw);
  if (node.type === "UnaryExpression" && node.operator === "+") return isNewDate(unwrap(node.argument as EsNode));
  if (node.type !== "CallExpression" || (node.arguments as EsNode[]).length > 0) return false;
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression") return false;
  const method = referenceName(callee);
  const object = unwrap(callee.object as EsNode);
  if (method === "now") return referenceName(object) === "Date" || referenceName(object) === "performance";
  return (method === "getTime" || method === "valueOf") && isNewDate(object);
}

/** `new Date()` with no argument: now. */
function isNewDate(node: EsNode): boolean {
  return (
    node.type === "NewExpression" &&
    referenceName(unwrap(node.callee as EsNode)) === "Date" &&
    (node.arguments as EsNode[]).length === 0
  );
}

/** `new Date(<now> + duration)` (either order): the duration's name, else undefined. */
function addedToClock(raw: EsNode): string | undefined {
  const node = unwrap(raw);
  if (node.type !== "NewExpression" || referenceName(unwrap(node.callee as EsNode)) !== "Date") return undefined;
  const [sum] = node.arguments as EsNode[];
  const added = sum === undefined ? undefined : unwrap(sum);
  if (added?.type !== "BinaryExpression" || added.operator !== "+") return undefined;
  const [left, right] = [added.left as EsNode, added.right as EsNode];
  if (isClock(left)) return referenceName(unwrap(right));
  return isClock(right) ? referenceName(unwrap(left)) : undefined;
}

/**
 * The names of durations added to the clock to build a date stored under an expiry name
 * (`x.paramsExpiry = until ?? new Date(+new Date() + this.paramsTimeout)`): each is an entry's lifetime.
 */
export function expiryDateNames(node: EsNode): string[] {
  const destination = destinationOf(node);
  if (destination === undefined || !words(destination.name).some((w) => EXPIRY_WORDS.has(w))) return [];
  const names: string[] = [];
  const visit = (raw: unknown, depth: number): void => {
    if (!isNode(raw) || depth > 3) return;
    const value = unwrap(raw);
    const name = addedToClock(value);
    if (name !== undefined) names.push(name);
    else if (value.type === "LogicalExpression") {
      visit(value.left, depth + 1);
      visit(value.right, depth + 1);
    } else if (value.type === "ConditionalExpression") {
      visit(value.consequent, depth + 1);
      visit(value.alternate, depth + 1);
    }
  };
  visit(destination.value, 0);
  return names;
}
