// Timeouts handed to a request by the way it is built rather than by a name: a request builder's chained
// `.timeout(ms)` (superagent, unirest, supertest) and an abort signal a helper builds from a duration
// (`fetch(url, { signal: timeoutSignal(5000) })`).
import { calleePath, type EsNode, memberName, propertyName, unwrap } from "./ast.ts";

/** The methods that start a request on a builder: `unirest.get(url)`, `request(app).post("/x")`. */
const REQUEST_METHODS = /^(get|post|put|patch|delete|del|head|options|request)$/;

/** Keys of a request's options that take an `AbortSignal`. */
const SIGNAL_KEYS = /^(abort)?signal$/i;

/**
 * Builders constructed for requests, whose chained `.timeout(ms)` is every request's timeout before any method is
 * chosen: `new FetchBuilder().limitPending(n).timeout(30 * 60000).build(fetch)` (@spotify-confidence).
 */
const REQUEST_BUILDERS = /^(fetch|request|http|api|rest)\w*builder$/i;

/** How far down a chain (`.get(url).set(h).query(q).timeout(ms)`) the request's start may be. */
const MAX_CHAIN = 8;

/**
 * `unirest.get(url).timeout(2500).end(...)`: the argument of a `.timeout(...)` chained on a request the chain
 * started with an HTTP method given a URL (the builder's own timeout of that request), or on a request builder the
 * chain constructed (`new FetchBuilder()`), else undefined.
 */
export function chainedRequestTimeout(node: EsNode): EsNode | undefined {
  const call = timeoutMethodCall(node);
  if (!call) return undefined;
  const [receiver, argument] = call;
  let current = receiver;
  for (let depth = 0; depth < MAX_CHAIN && current.type === "CallExpression"; depth++) {
    const inner = unwrap(current.callee as EsNode);
    if (inner.type !== "MemberExpression") return undefined;
    const method = memberName(inner) ?? "";
    if (REQUEST_METHODS.test(method) && (current.arguments as EsNode[]).length > 0) return argument;
    current = unwrap(inner.object as EsNode);
  }
  if (current.type !== "NewExpression") return undefined;
  const built = calleePath(current.callee as EsNode) ?? "";
  return REQUEST_BUILDERS.test(built.slice(built.lastIndexOf(".") + 1)) ? argument : undefined;
}

/** `x.timeout(ms)` with one argument: its receiver and the argument, else undefined. */
function timeoutMethodCall(node: EsNode): [EsNode, EsNode] | undefined {
  const callee = unwrap(node.callee as EsNode);
  const args = node.arguments as EsNode[];
  if (callee.type !== "MemberExpression" || memberName(callee) !== "timeout" || args.length !== 1) return undefined;
  return [unwrap(callee.object as EsNode), args[0]!];
}

/** Request clients whose HTTP-method calls start a request builder: `superagent.get(url)`, `request(app).post(p)`. */
const REQUEST_CLIENTS = /(^|\.)(superagent|request|agent|unirest|needle|supertest)$|<call>$/;

/**
 * `const req = superagent.get(url)`, `const req = this.getAgentRequest("get", url)`: an initialiser that starts a
 * request builder (an HTTP method of a request client given a URL, or a call named for a request given arguments),
 * so the local's later `req.timeout(ms)` is that request's timeout. An awaited call is its response, not a builder.
 */
export function startsRequestBuilder(init: EsNode): boolean {
  if (init.type !== "CallExpression" || (init.arguments as EsNode[]).length === 0) return false;
  const path = calleePath(init.callee as EsNode) ?? "";
  const dot = path.lastIndexOf(".");
  const last = path.slice(dot + 1);
  if (/request$/i.test(last)) return true;
  return dot > 0 && REQUEST_METHODS.test(last) && REQUEST_CLIENTS.test(path.slice(0, dot));
}

/** `req.timeout(ms)` on a local holding a request builder (`FileFacts.requestBuilders`): its argument, else undefined. */
export function heldRequestTimeout(facts: { requestBuilders: Set<string> }, node: EsNode): EsNode | undefined {
  const call = timeoutMethodCall(node);
  if (!call) return undefined;
  const [receiver, argument] = call;
  return receiver.type === "Identifier" && facts.requestBuilders.has(receiver.name as string) ? argument : undefined;
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
  const call = timeoutMethodCall(timed);
  return call?.[0].type === "CallExpression" ? call[1] : undefined;
}

/**
 * `{ signal: timeoutSignal(5000) }`: a call given one duration whose result is a request's abort signal builds a
 * signal that aborts after it (like `AbortSignal.timeout(5000)`), so the duration bounds the request.
 */
export function signalDuration(property: EsNode): EsNode | undefined {
  if (!SIGNAL_KEYS.test(propertyName(property) ?? "")) return undefined;
  return builtSignalDuration(unwrap(property.value as EsNode));
}

/** A helper that builds a signal by name: its path says timeout or abort (`timeoutSignal`, `getTimeoutSignal`). */
const SIGNAL_HELPER = /timeout|abort/i;

/**
 * `const signal = timeoutSignal(15000)` later handed as a request's `signal` (@adobe/spacecat-shared-gpt-client,
 * fresh292): the local named for a signal, built by a helper named for a timeout or an abort (a local so named may be
 * anything else: solid's `const signal = createSignal(0)`).
 */
export function heldSignalDuration(name: string, init: EsNode): EsNode | undefined {
  if (!SIGNAL_KEYS.test(name)) return undefined;
  const value = unwrap(init);
  if (value.type !== "CallExpression") return undefined;
  // `AbortSignal.timeout(ms)` is judged as the call it is, wherever its signal goes.
  const path = calleePath(value.callee as EsNode) ?? "";
  return SIGNAL_HELPER.test(path) && path !== "AbortSignal.timeout" ? builtSignalDuration(value) : undefined;
}

/** The one duration a named helper call (not a chain) is given, the signal it builds being a request's. */
function builtSignalDuration(value: EsNode): EsNode | undefined {
  // A helper called by name (`timeoutSignal`, `utils.timeoutSignal`), not a chain (`z.number().max(64)`: a
  // schema of a process signal's number).
  if (value.type !== "CallExpression" || /^$|<call>|<expr>/.test(calleePath(value.callee as EsNode) ?? ""))
    return undefined;
  const args = value.arguments as EsNode[];
  return args.length === 1 && args[0]!.type !== "SpreadElement" ? args[0] : undefined;
}
