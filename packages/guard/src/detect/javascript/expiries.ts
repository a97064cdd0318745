// Lifetimes named like timeouts: a value handed to a store as an entry's expiry is how long the key lives (a
// lease), and an age past which entries are dropped is how long they stay cached. Neither bounds a wait.
import { calleePath, type EsNode, isNullish, referenceName, span, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";

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
 * The order comparisons whose outcome only drops stored state (`evictionNames`, `staleResetNames`): marked when the
 * walk meets the `if` or the conditional, before it reaches the comparison, so `schedule-shapes.ts`'s `elapsedBound`
 * does not take the age of an entry for the time an operation has been waiting.
 */
const DROPPING_COMPARISONS = new WeakSet<EsNode>();

/** Whether `node` is an order comparison whose outcome only drops stored state (an entry's age against its lifetime). */
export function dropsByAge(node: EsNode): boolean {
  return DROPPING_COMPARISONS.has(node);
}

/**
 * `if (Date.now() - this.DOWN_HOSTS_TIMEOUT * 1000 > entryTime) this.downHostsCacheMap.delete(key)`,
 * `if (diff > pruneRequestTimeout) { delete requests[id]; debug("pruned request %s", id) }`: names an order comparison
 * tests where the branch only removes entries (and logs it, or leaves the function or the loop's turn with nothing):
 * how long an entry lives (an eviction age), not a bound on a wait.
 */
export function evictionNames(node: EsNode): string[] {
  const consequent = node.consequent as EsNode;
  const statements = consequent.type === "BlockStatement" ? (consequent.body as EsNode[]) : [consequent];
  if (!statements.some(removesEntry) || !statements.every((s) => removesEntry(s) || logs(s) || leavesEmpty(s)))
    return [];
  return comparedNames(node.test as EsNode);
}

/**
 * `Date.now() - timestamp >= EXPERIMENT_VALUES_STALE_TIMEOUT_MS ? 0 : timestamp`, `age > maxAge ? undefined :
 * entry.value`: a conditional on an entry's age (a subtraction is compared) whose one branch is nothing and whose other
 * is the stored value kept while it is fresh. The compared name is how long the value stays valid (a staleness age);
 * a deadline's elapsed time leads to a rejection or a call, never to handing back a stored value or nothing.
 */
export function staleResetNames(node: EsNode): string[] {
  const test = unwrap(node.test as EsNode);
  if (test.type !== "BinaryExpression" || !ORDER.test(test.operator as string)) return [];
  const sides = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
  if (!sides.some((side) => side.type === "BinaryExpression" && side.operator === "-")) return [];
  const [yes, no] = [unwrap(node.consequent as EsNode), unwrap(node.alternate as EsNode)];
  const kept = (value: EsNode) => value.type === "Identifier" || value.type === "MemberExpression";
  if (!((isNothing(yes) && kept(no)) || (isNothing(no) && kept(yes)))) return [];
  return comparedNames(test);
}

/**
 * `if (this._timeOpened && Date.now() - this._timeOpened > CONNECT_SUCCESS_TIMEOUT) { this._backoff.reset(); }`
 * (twilio's WebSocket transport, fresh266 and fresh270): how long something has lasted, compared on the clock, where
 * the branch only resets a counter or a backoff (and logs it). The compared name is how long a connection must have
 * stayed up to count as a success, a threshold; a deadline's elapsed time leads to a rejection, a close or a retry.
 */
export function thresholdNames(node: EsNode, source: string): string[] {
  const consequent = node.consequent as EsNode;
  if (node.alternate) return [];
  const statements = consequent.type === "BlockStatement" ? (consequent.body as EsNode[]) : [consequent];
  const halfOpens = statements.some(halfOpen);
  const kept = (s: EsNode) => resets(s) || logs(s) || (halfOpens && (halfOpen(s) || leavesEmpty(s)));
  if (!(halfOpens || statements.some(resets)) || !statements.every(kept)) return [];
  const test = node.test as EsNode;
  if (!CLOCK_AGE.test(source.slice(...span(test)))) return [];
  return comparedNames(test);
}

/** A clock read less a time: `Date.now() - this._timeOpened`, `performance.now() - start`. */
const CLOCK_AGE = /\b(?:Date\.now|performance\.now)\s*\(\s*\)\s*-/;

/** `this._backoff.reset()`, `this.resetAttempts()`, `this._retries = 0`: a statement that only starts a count over. */
function resets(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = unwrap(statement.expression as EsNode);
  if (expression.type === "AssignmentExpression")
    return (
      isNothing(unwrap(expression.right as EsNode)) && COUNTER.test(referenceName(expression.left as EsNode) ?? "")
    );
  if (expression.type !== "CallExpression") return false;
  const path = calleePath(unwrap(expression.callee as EsNode)) ?? "";
  return /^reset/i.test(path.slice(path.lastIndexOf(".") + 1));
}

/** A name that counts tries, failures or successes (`_retries`, `attemptCount`, `failures`, `successes`). */
const COUNTER = /retr|attempt|fail|success|count|backoff/i;

/**
 * `this.state = CircuitBreakerState.HALF_OPEN` (@jpisnice/shadcn-ui-mcp-server, fresh308): a circuit breaker let
 * through again once it has been open long enough. What the time since the last failure is compared with is how
 * long the breaker stays open (a cooldown), not a bound on a wait.
 */
function halfOpen(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = unwrap(statement.expression as EsNode);
  if (expression.type !== "AssignmentExpression") return false;
  const value = unwrap(expression.right as EsNode);
  const spelled = value.type === "Literal" ? String(value.value) : (referenceName(value) ?? "");
  return /^half[-_ ]?open$/i.test(spelled);
}

const ORDER = /^[<>]=?$/;

/** The names the order comparisons of `test` compare (marking each comparison as one that only drops state). */
function comparedNames(test: EsNode): string[] {
  const names: string[] = [];
  const visit = (raw: EsNode, depth: number, compared: boolean): void => {
    const part = unwrap(raw);
    const name = referenceName(part);
    if (compared && name !== undefined && (part.type === "Identifier" || part.type === "MemberExpression"))
      names.push(name);
    else if (depth < 6 && (part.type === "BinaryExpression" || part.type === "LogicalExpression")) {
      const order = part.type === "BinaryExpression" && ORDER.test(part.operator as string);
      if (order) DROPPING_COMPARISONS.add(part);
      visit(part.left as EsNode, depth + 1, compared || order);
      visit(part.right as EsNode, depth + 1, compared || order);
    }
  };
  visit(test, 0, false);
  return names;
}

/** Methods that take an entry out of a store: `cache.delete(key)`, `store.del(key)`, `localStorage.removeItem(key)`. */
const REMOVES = /^(delete|del|remove|removeItem|evict|unset)$/;

/** `cache.delete(key)`, `await this.del(key)`, `delete this.entries[key]`: a statement that only removes an entry. */
function removesEntry(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  let expression = unwrap(statement.expression as EsNode);
  if (expression.type === "AwaitExpression") expression = unwrap(expression.argument as EsNode);
  if (expression.type === "UnaryExpression") return expression.operator === "delete";
  if (expression.type !== "CallExpression") return false;
  const callee = unwrap(expression.callee as EsNode);
  return callee.type === "MemberExpression" && REMOVES.test(referenceName(callee) ?? "");
}

/** `debug("pruned request %s", id)`, `logger.info(...)`: a statement that only writes a log line. */
function logs(statement: EsNode): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = unwrap(statement.expression as EsNode);
  return expression.type === "CallExpression" && isLog(calleePath(unwrap(expression.callee as EsNode)) ?? "");
}

/** `continue`, `return`, `return undefined`, `return null`: going on with nothing after dropping the entry. */
function leavesEmpty(statement: EsNode): boolean {
  if (statement.type === "ContinueStatement") return true;
  if (statement.type !== "ReturnStatement") return false;
  return !statement.argument || isNothing(unwrap(statement.argument as EsNode));
}

/** `0`, `null`, `false`, `undefined`, `void 0`: no value. */
function isNothing(value: EsNode): boolean {
  return isNullish(value) || (value.type === "Literal" && (value.value === 0 || value.value === false));
}
