// What one call or object literal says about waits, for the no-wait facts (no-wait.ts keeps what the walk learns and
// asks these): a method replaced by a stub, a timer whose callback renews something, a payload that is shown, an
// HTTP/2 or TLS session's idle timeout, a spy on the timer functions. Split from no-wait.ts.
import { calleePath, type EsNode, isNode, memberName, propertyName, span, unwrap } from "./ast.ts";
import { CONNECTION_KEYS, DISPLAY, REPORTS_TIMEOUT, ROUND, saysSchedule, SHOWN } from "./no-wait-shapes.ts";
import { DEADLINE_BODY } from "./timers.ts";
import { comparesElapsed } from "./watchdogs.ts";

/**
 * The method a call replaces by a stub, as `receiver.method` (whitespace removed): `sinon.stub(client, "request")`,
 * `td.replace(api, "get")`, `vi.spyOn(client, "get").mockResolvedValue(...)` (a bare `spyOn` calls through, so it does
 * not count).
 */
export function stubbedMethod(
  node: EsNode,
  path: string,
  args: EsNode[],
  text: (node: EsNode) => string,
): string | undefined {
  let target = args;
  if (/^(vi|jest)\.spyOn$/.test(path)) return undefined;
  const callee = unwrap(node.callee as EsNode);
  if (callee.type === "MemberExpression" && /^mock\w*(Implementation|Value)(Once)?$/.test(memberName(callee) ?? "")) {
    const spy = unwrap(callee.object as EsNode);
    if (spy.type !== "CallExpression" || !/^(vi|jest)\.spyOn$/.test(calleePath(spy.callee as EsNode) ?? ""))
      return undefined;
    target = spy.arguments as EsNode[];
  } else if (!/^(sinon|sandbox|sb|td)\.(stub|replace)$/.test(path)) return undefined;
  const method = target[1] && unwrap(target[1]);
  if (target[0] && method?.type === "Literal" && typeof method.value === "string")
    return `${text(target[0]).replace(/\s+/g, "")}.${method.value}`;
  return undefined;
}

/**
 * An interval's inline callback (its text) that neither ends nor fails anything, reports no timeout and compares no
 * elapsed time with the period: `setInterval(function () { sendStatsBatch() }, config.forwarderStatsTimeout)`
 * (@mparticle/web-sdk, fresh306) runs a round every period, a schedule whatever the period is called. A heartbeat
 * check that terminates a silent peer (`if (!alive) ws.terminate()`) or compares the time since the last activity
 * (webpack-hot-middleware's `new Date() - lastActivity > options.timeout`) is a liveness bound and stays one.
 */
export function paces(callback: string, delay: string): boolean {
  const body = callback.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
  return (
    !DEADLINE_BODY.test(body) &&
    !ENDS.test(body) &&
    !GIVES_UP.test(body) &&
    !REPORTS_TIMEOUT.test(body) &&
    !comparesElapsed(body, delay) &&
    !ELAPSED.test(body)
  );
}

/** A clock read minus a start (`new Date() - lastActivity`): a check of the quiet the interval tolerates. */
const ELAPSED = /(Date\.now\(\)|new Date\(\)|performance\.now\(\)|\bnow\b|getTime\(\))\s*-\s*[\w$(]/;

/**
 * A timer's inline callback (its text) that renews something or runs a round, and neither ends, fails nor reports a
 * timeout, nor compares the elapsed time with the delay (its text too): the delay is a schedule.
 */
export function renews(callback: string, delay: string): boolean {
  // What the callback does, not what its comments say (`// a reconnection will be attempted` after a close).
  const body = callback.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
  const liveness = comparesElapsed(body, delay);
  const reports = REPORTS_TIMEOUT.test(body);
  // `setTimeout(() => { this.flush().catch(log) }, this.batchTimeout)`: a batch sent when its delay is up; a flush
  // beside a call that ends something (`this.flush(); this.socket.end()`) may be a forced close's deadline.
  const flushes = FLUSH.test(body) && !ENDS.test(body);
  // `setTimeout(() => { this.scheduleReconnect(); ws.close() }, this.connectTimeoutMs)` (@relaycast/sdk, fresh243):
  // the socket that has not opened in time is given up and another tried, a connect or liveness deadline; a
  // reconnect that closes nothing is the delay before the next try.
  const givesUp = saysSchedule(body) && GIVES_UP.test(body);
  return (
    (saysSchedule(body) || ROUND.test(body) || flushes) &&
    !DEADLINE_BODY.test(body) &&
    !liveness &&
    !reports &&
    !givesUp
  );
}

/** A call that closes, destroys or terminates the connection a reconnecting callback gives up on. */
const GIVES_UP = /\.[\w$]*?(close|destroy|terminate)\w*\s*\(/i;

/** A call that flushes a batch or a buffer (`this.flush()`, `flushQueue()`). */
const FLUSH = /(^|[^\w$])flush\w*\s*\(/i;
/** A call that ends, closes or cancels something. */
const ENDS = /\.(end|close|destroy|kill|cancel|stop|terminate|abort|disconnect)\w*\s*\(/i;

/** `notify({ message, timeout: 2000 })`, `events.emit("browser:notify", { ..., timeout })`: shown, not awaited. */
export function shownPayloads(node: EsNode, path: string, args: EsNode[]): [number, number][] {
  const event = unwrap(args[0] ?? node);
  const shows =
    DISPLAY.test(path) || (/(^|\.)emit$/.test(path) && event.type === "Literal" && DISPLAY.test(String(event.value)));
  if (!shows) return [];
  // Only a payload that carries something to show (`{ message, timeout }`): `client.notify(channel, { timeout })` waits.
  const shown: [number, number][] = [];
  for (const arg of args) {
    const payload = unwrap(arg);
    if (payload.type !== "ObjectExpression") continue;
    const keys = (payload.properties as EsNode[]).map((p) => (p.type === "Property" ? propertyName(p) : undefined));
    if (keys.some((key) => key !== undefined && SHOWN.test(key))) shown.push(span(arg));
  }
  return shown;
}

/** `{ http2: true, sessionTimeout: 0 }` and `http2: { sessionTimeout: 100 }`: the HTTP/2 session's idle timeout. */
export function connectionSessions(node: EsNode): EsNode[] {
  const properties = (node.properties as EsNode[]).filter((p) => p.type === "Property");
  const connection = properties.find((p) => CONNECTION_KEYS.has(propertyName(p) ?? ""));
  if (!connection) return [];
  const inner = unwrap(connection.value as EsNode);
  const scopes = inner.type === "ObjectExpression" ? [properties, inner.properties as EsNode[]] : [properties];
  return scopes.flatMap((scope) =>
    scope.filter((p) => p.type === "Property" && /session_?timeout/i.test(propertyName(p) ?? "")),
  );
}

/** `vi.spyOn(global, "setTimeout")`: the name handed to a spy is a timer function's. */
export function isTimerName(node: EsNode | undefined): boolean {
  return isNode(node) && node.type === "Literal" && /^(setTimeout|setInterval)$/.test(String(node.value));
}
