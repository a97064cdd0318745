// What a timer call is, from what its callback does and what it races: a deadline, a race, a test's scripted abort.
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";
import { sameFunction } from "./callback-scope.ts";
import type { FileFacts } from "./facts.ts";
import { noDeadline } from "./no-deadline.ts";
import { mocksModules, onlyEmits } from "./scripted-abort.ts";
import { isDeadlineTimer, TIMER_CALLS } from "./timers.ts";

/**
 * What a timer call is: a deadline (its callback ends or fails the operation), a timer racing an operation or an
 * event (`race`), a test's scripted abort (`scripted`: the action under test), or none of these (`undefined`).
 */
export function timerVerdict(
  facts: FileFacts,
  node: EsNode,
  path: string,
  args: EsNode[],
): "deadline" | "race" | "held-race" | "scripted" | undefined {
  // `exitTimer = setTimeout(exit, 10 * 1000)` with `child.once("exit", exit)`: a kept timer that races
  // the event it guards (the handle is there to clear it when the event comes first) is a deadline.
  // The listener must be the timer's own callback, not another function of that name (minified code reuses names).
  const callback = args[0]?.type === "Identifier" ? (args[0].name as string) : undefined;
  const racesEvent =
    TIMER_CALLS.test(path) &&
    facts.storedTimers.has(node) &&
    callback !== undefined &&
    (facts.listeners.get(callback) ?? []).some((at) => sameFunction(callback, at, span(node)[0], facts.timers));
  const settlesRacedPromise =
    TIMER_CALLS.test(path) &&
    ((facts.racedNames.size > 0 && facts.racesHeldPromise(node)) || facts.racesThroughCall(node));
  // A retry pausing until its attempts are spent, a stand-in for a missing scheduler, a release of an object URL: no
  // deadline (`no-deadline.ts`). Judged after the races: a timer racing an event or a raced promise stays a race.
  const deadline =
    (isDeadlineTimer(path, args, facts.source) || facts.deadlines.ends(node) || facts.emittedRejections.ends(node)) &&
    !(args[0] && noDeadline(facts.timers, node, unwrap(args[0]), undefined));
  if (!(facts.raceTimers.has(node) || racesEvent || settlesRacedPromise || deadline)) return undefined;
  // `setTimeout(() => req.destroy(), 50)` in a test that checks the abort: the action under test, not a deadline.
  const scripted = deadline && !racesEvent && !settlesRacedPromise && !facts.raceTimers.has(node);
  if (scripted && facts.timers.scriptedAbort(node, enclosingFunctions(facts, node))) return "scripted";
  if (scripted && args[0] && facts.noWait.doubles.onlyActs(args[0])) return "scripted";
  // `setTimeout(() => mockSdk.client().__emitter__.emit("SDK_READY_TIMED_OUT"), 100)` in a test of mocked modules.
  if (scripted && args[0] && facts.timers.testing() && onlyEmits(args[0], facts.source) && mocksModules(facts.source))
    return "scripted";
  if (deadline) return "deadline";
  // `const p = new Promise((r) => setTimeout(r, ms))` where a `p` is raced somewhere in the file.
  return facts.raceTimers.has(node) || racesEvent ? "race" : "held-race";
}

/**
 * Whether a timer call bounds a wait when it fires: a deadline, or a timer racing an operation or an event. A timer
 * that settles a promise held under a name some race uses counts only when a race is `within` the span (the helper
 * that arms it): `const p = new Promise(...)` in a `delay(ms)` is not raced by another function's `Promise.race([p])`.
 */
export function endsWait(facts: FileFacts, node: EsNode, within?: [number, number]): boolean {
  const path = calleePath(node.callee as EsNode);
  if (path === undefined) return false;
  const args = (node.arguments as EsNode[]).filter((arg) => arg.type !== "SpreadElement");
  const verdict = timerVerdict(facts, node, path, args);
  if (verdict === "held-race" && within) return racedWithin(facts, within);
  return verdict === "deadline" || verdict === "race" || verdict === "held-race";
}

/** Whether a `Promise.race` element of the file lies inside `within` (a function's span). */
export function racedWithin(facts: FileFacts, within: readonly [number, number]): boolean {
  return facts.raceElements.some(([from, to]) => within[0] <= from && to <= within[1]);
}

/** The functions around a node, innermost first. */
export function enclosingFunctions(facts: FileFacts, node: EsNode): [number, number][] {
  const [start] = span(node);
  return facts.functionSpans.filter(([from, to]) => from < start && start < to).sort((a, b) => b[0] - a[0]);
}
