// Timeouts handed to a request by the way it is built rather than by a name: a request builder's chained
// `.timeout(ms)` (superagent, unirest, supertest) and an abort signal a helper builds from a duration
// (`fetch(url, { signal: timeoutSignal(5000) })`).
import { calleePath, type EsNode, memberName, propertyName, unwrap } from "./ast.ts";

/** The methods that start a request on a builder: `unirest.get(url)`, `request(app).post("/x")`. */
const REQUEST_METHODS = /^(get|post|put|patch|delete|del|head|options|request)$/;

/** Keys of a request's options that take an `AbortSignal`. */
const SIGNAL_KEYS = /^(abort)?signal$/i;

/** How far down a chain (`.get(url).set(h).query(q).timeout(ms)`) the request's start may be. */
const MAX_CHAIN = 8;

/**
 * `unirest.get(url).timeout(2500).end(...)`: the argument of a `.timeout(...)` chained on a request the chain
 * started with an HTTP method given a URL (the builder's own timeout of that request), else undefined.
 */
export function chainedRequestTimeout(node: EsNode): EsNode | undefined {
  const callee = unwrap(node.callee as EsNode);
  const args = node.arguments as EsNode[];
  if (callee.type !== "MemberExpression" || memberName(callee) !== "timeout" || args.length !== 1) return undefined;
  let current = unwrap(callee.object as EsNode);
  for (let depth = 0; depth < MAX_CHAIN && current.type === "CallExpression"; depth++) {
    const inner = unwrap(current.callee as EsNode);
    if (inner.type !== "MemberExpression") return undefined;
    const method = memberName(inner) ?? "";
    if (REQUEST_METHODS.test(method) && (current.arguments as EsNode[]).length > 0) return args[0];
    current = unwrap(inner.object as EsNode);
  }
  return undefined;
}

/** The methods that wait for a promise's outcome: a chain continued by one of them waits for the promise. */
const SETTLED_METHODS = /^(then|catch|finally|asCallback|nodeify)$/;

/**
 * `Cypress.backend("http:request", o).timeout(10000).then(...)`, bluebird's `fetchAll().timeout(3000).catch(...)`: the
 * argument of a `.timeout(ms)` chained on a call's result and then waited for by `.then`/`.catch` (the promise's own
 * timeout: the chain's next step waits for the operation or the timeout, whichever comes first), else undefined.
 * Judged at the waiting call, which shows that the `.timeout(ms)` result is a promise waited for; a chain that starts
 * a request is `chainedRequestTimeout`'s.
 */
export function awaitedChainTimeout(node: EsNode): EsNode | undefined {
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression" || !SETTLED_METHODS.test(memberName(callee) ?? "")) return undefined;
  const timed = unwrap(callee.object as EsNode);
  if (timed.type !== "CallExpression" || chainedRequestTimeout(timed)) return undefined;
  const method = unwrap(timed.callee as EsNode);
  const args = timed.arguments as EsNode[];
  if (method.type !== "MemberExpression" || memberName(method) !== "timeout" || args.length !== 1) return undefined;
  return unwrap(method.object as EsNode).type === "CallExpression" ? args[0] : undefined;
}

/**
 * `{ signal: timeoutSignal(5000) }`: a call given one duration whose result is a request's abort signal builds a
 * signal that aborts after it (like `AbortSignal.timeout(5000)`), so the duration bounds the request.
 */
export function signalDuration(property: EsNode): EsNode | undefined {
  if (!SIGNAL_KEYS.test(propertyName(property) ?? "")) return undefined;
  const value = unwrap(property.value as EsNode);
  // A helper called by name (`timeoutSignal`, `utils.timeoutSignal`), not a chain (`z.number().max(64)`: a
  // schema of a process signal's number).
  if (value.type !== "CallExpression" || /^$|<call>|<expr>/.test(calleePath(value.callee as EsNode) ?? ""))
    return undefined;
  const args = value.arguments as EsNode[];
  return args.length === 1 && args[0]!.type !== "SpreadElement" ? args[0] : undefined;
}
