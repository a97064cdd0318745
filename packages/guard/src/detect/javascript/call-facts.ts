// What calls say before any site is judged: listeners, timers that race an operation, timers whose handle is
// kept, and fallbacks passed straight to a call.
import { calleePath, type EsNode, isNode, memberName, referenceName, span, unwrap } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { LISTENER_METHODS, TIMER_CALLS } from "./timers.ts";

/** Listeners (`child.once("exit", exit)`), timers racing an operation, and fallbacks passed straight to a call. */
export function collectCallFacts(facts: FileFacts, node: EsNode): void {
  const args = node.arguments as EsNode[];
  const callee = unwrap(node.callee as EsNode);
  if (callee.type === "MemberExpression" && LISTENER_METHODS.test(memberName(callee) ?? "") && args[1])
    if (args[1].type === "Identifier") {
      const name = args[1].name as string;
      facts.listeners.set(name, [...(facts.listeners.get(name) ?? []), span(args[1])[0]]);
    }
  // `Promise.race([op, new Promise((r) => setTimeout(r, 1000))])`: a timer inside an element races the operation.
  if (
    node.type === "CallExpression" &&
    facts.raceElements.length > 0 &&
    TIMER_CALLS.test(calleePath(node.callee as EsNode) ?? "") &&
    inRace(facts, node)
  )
    facts.raceTimers.add(node);
  facts.racedCalls.promise(node);
  // `Math.max(defaultTimeout, custom || 0)`, `setTimeout(fn, t || 0)`: arithmetic and timers, not a wait's bound.
  const path = calleePath(callee) ?? "";
  if (/^(Math|Number|String|JSON|console|Object|Array)\./.test(path) || referenceName(callee) === "setTimeout") return;
  for (const arg of args) if (unwrap(arg).type === "LogicalExpression") facts.passedFallbacks.add(unwrap(arg));
}

/** `exitTimer = setTimeout(...)`: a timer whose handle is kept (to be cleared when what it guards happens). */
export function storedTimer(facts: FileFacts, stored: unknown): void {
  if (isNode(stored) && unwrap(stored).type === "CallExpression") facts.storedTimers.add(unwrap(stored));
}

/** Whether `node` lies inside an element of a `Promise.race([...])` seen before it (pre-order: its ancestor). */
function inRace(facts: FileFacts, node: EsNode): boolean {
  const [start] = span(node);
  return facts.raceElements.some(([from, to]) => from <= start && start < to);
}
