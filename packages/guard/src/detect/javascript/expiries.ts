// Lifetimes named like timeouts: a value handed to a store as an entry's expiry is how long the key lives (a
// lease), and an age past which entries are dropped is how long they stay cached. Neither bounds a wait.
import { type EsNode, referenceName, unwrap } from "./ast.ts";

/** An argument that marks the next one as an entry's expiry: `set(key, value, "EX", ttl)`, `"PX"`. */
export const EXPIRY_FLAG = /^(EX|PX|EXAT|PXAT)$/i;
/** Calls whose second argument is an entry's lifetime: `expire(key, ttl)`, `pexpire`, `setex(key, ttl, value)`. */
const EXPIRY_CALL = /^(expire|pexpire|setex|psetex|expireAt|pexpireAt|setEx|pSetEx|pExpire)$/;

/**
 * Redlock's lock calls (node-redlock, @sesamecare-oss/redlock): `acquire(resources, duration)`, `using(resources,
 * duration, routine)`; their documentation defines the duration as the lock's time to live (its keys' expiry in
 * Redis). Known by the list of resources they take first, which a pool's or a semaphore's `acquire` does not.
 */
const REDLOCK_CALL = /^(acquire|using)$/;

/**
 * The argument of a store call that is an entry's expiry: after `"EX"`/`"PX"`, `expire(key, ttl)`'s second, a Redlock
 * lock's duration.
 */
export function expiryArgument(method: string | undefined, args: EsNode[]): EsNode | undefined {
  if (method !== undefined && EXPIRY_CALL.test(method)) return args[1];
  if (method !== undefined && REDLOCK_CALL.test(method) && args[0] && unwrap(args[0]).type === "ArrayExpression")
    return args[1];
  const flag = args.findIndex((arg) => {
    const value = unwrap(arg);
    return value.type === "Literal" && typeof value.value === "string" && EXPIRY_FLAG.test(value.value);
  });
  return flag >= 0 ? args[flag + 1] : undefined;
}

/**
 * `if (Date.now() - this.DOWN_HOSTS_TIMEOUT * 1000 > entryTime) this.downHostsCacheMap.delete(key)`: names an
 * order comparison tests where the branch only removes entries: how long an entry lives (an eviction age), not
 * a bound on a wait.
 */
export function evictionNames(node: EsNode): string[] {
  const test = unwrap(node.test as EsNode);
  const consequent = node.consequent as EsNode;
  const statements = consequent.type === "BlockStatement" ? (consequent.body as EsNode[]) : [consequent];
  if (statements.length === 0 || !statements.every(removesEntry)) return [];
  const names: string[] = [];
  const visit = (raw: EsNode, depth: number, compared: boolean): void => {
    const part = unwrap(raw);
    const name = referenceName(part);
    if (compared && name !== undefined && (part.type === "Identifier" || part.type === "MemberExpression"))
      names.push(name);
    else if (depth < 6 && (part.type === "BinaryExpression" || part.type === "LogicalExpression")) {
      const order = part.type === "BinaryExpression" && /^[<>]=?$/.test(part.operator as string);
      visit(part.left as EsNode, depth + 1, compared || order);
      visit(part.right as EsNode, depth + 1, compared || order);
    }
  };
  visit(test, 0, false);
  return names;
}

/** `cache.delete(key)`, `delete this.entries[key]`: a statement that only removes an entry. */
function removesEntry(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = unwrap(statement.expression as EsNode);
  if (expression.type === "UnaryExpression") return expression.operator === "delete";
  if (expression.type !== "CallExpression") return false;
  const callee = unwrap(expression.callee as EsNode);
  return callee.type === "MemberExpression" && referenceName(callee) === "delete";
}
