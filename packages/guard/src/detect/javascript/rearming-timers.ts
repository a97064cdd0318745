// A timer whose callback arms itself again: push-rpc's `sendPing` ends with `this.pingTimer = setTimeout(this.sendPing,
// this.pingSendTimeout)`, so the ping goes out every `pingSendTimeout`. Its delay paces a loop (a keepalive, a poll, a
// retry) and gives up on nothing; `inert-timers.ts` keeps it reported only where the callback ends a wait.
import { type EsNode, referenceName, span, unwrap } from "./ast.ts";
import type { Timer } from "./timer-calls.ts";

/**
 * The timer calls (of `timers`) whose callback arms a timer with itself again. The callback is the definition of its
 * name the call sees (`visible`): a bundle defines many a `step` (inboxsdk's `waitFor` polls with its own, fresh128).
 */
export function rearmingTimers(
  timers: readonly Timer[],
  visible: (name: string, at: number) => EsNode | undefined,
): Set<EsNode> {
  const rearming = new Set<EsNode>();
  for (const timer of timers) {
    // `startTimeout() { this.timer = setTimeout(() => { this.startTimeout(); this.refresh() }, this.timeout) }`: the
    // callback calls the function that arms the timer (@kaspernj/api-maker's session re-check, fresh124).
    const [at] = span(timer.call);
    const enclosing = statementCalls(timer.callback).some((called) => {
      const fn = visible(called, at);
      return fn !== undefined && span(fn)[0] < at && at < span(fn)[1];
    });
    if (enclosing) {
      rearming.add(timer.call);
      continue;
    }
    const name = calledName(timer.callback);
    const own = name === undefined ? undefined : visible(name, span(timer.call)[0]);
    if (own === undefined) continue;
    const [start, end] = span(own);
    const again = timers.some((other) => {
      const [at] = span(other.call);
      return at >= start && at < end && calledName(other.callback) === name;
    });
    if (again) rearming.add(timer.call);
  }
  return rearming;
}

// `this.sendPing`, `tick`, or an arrow that only calls it (`() => this.sendPing()`): the function the timer runs, by name.
function calledName(callback: EsNode): string | undefined {
  const node = unwrap(callback);
  if (node.type !== "ArrowFunctionExpression") return referenceName(node);
  const body = unwrap(node.body as EsNode);
  return body.type === "CallExpression" ? referenceName(unwrap(body.callee as EsNode)) : undefined;
}

/** The names a function written in place calls as its own statements (`{ this.startTimeout(); refresh() }`). */
function statementCalls(callback: EsNode): string[] {
  const node = unwrap(callback);
  if (node.type !== "ArrowFunctionExpression" && node.type !== "FunctionExpression") return [];
  const body = node.body as EsNode;
  if (body.type !== "BlockStatement") return [];
  const names: string[] = [];
  for (const statement of body.body as EsNode[]) {
    if (statement.type !== "ExpressionStatement") continue;
    let expression = unwrap(statement.expression as EsNode);
    if (expression.type === "AwaitExpression") expression = unwrap(expression.argument as EsNode);
    if (expression.type !== "CallExpression") continue;
    const name = referenceName(unwrap(expression.callee as EsNode));
    if (name !== undefined) names.push(name);
  }
  return names;
}
