// What a timer's callback makes of its delay, judged once the walk has seen the whole file: a callback that only logs,
// measures, forgets, shows, retries or goes on bounds nothing (`boundsNothing`), and a timer that is no deadline whatever
// else its callback holds (`noDeadline`): a retry pausing until its attempts are spent (`spent-retries.ts`), a
// stand-in for a missing scheduler or a release of what a finished operation left (`stand-in-timers.ts`).
import { type EsNode, span } from "./ast.ts";
import { onlyContinues, onlyLogsOrMeasures, onlyRetries } from "./callback-effects.ts";
import { continuations, type FileFunctions, visibleDefinition } from "./callback-scope.ts";
import type { EnclosingFunctions } from "./enclosing-functions.ts";
import { onlyShows, type StateSetters } from "./display-timers.ts";
import { onlyForgets } from "./forgetting-timers.ts";
import type { TableRoles } from "./forgotten-tables.ts";
import { replacesWhatItAborts } from "./replacing-timers.ts";
import { armedBy, retriesUntilSpent, settlesBeside } from "./spent-retries.ts";
import { onlyReleases, type SchedulerFallbacks } from "./stand-in-timers.ts";
import type { VisitorKeys } from "./walk.ts";

/** What `TimerEffects` collected of a file's functions and timers, for judging one timer. */
export type TimerFile = FileFunctions & {
  readonly source: string;
  /** The functions around each timer call (their parameters, own names, executors). */
  readonly around: EnclosingFunctions;
  /** The branches that run where a scheduler is missing. */
  readonly fallbacks: SchedulerFallbacks;
  /** Timer calls whose handle is kept (`timer = setTimeout(...)`): kept to be cleared, so they race something. */
  readonly kept: ReadonlySet<EsNode>;
  /** The state setters the file's React hooks hand out (`display-timers.ts`). */
  readonly setters: StateSetters;
};

/**
 * A timer that is no deadline whatever else its callback holds: a retry that gives up only when its attempts are
 * spent, armed with no kept handle and with nothing beside it settling the promise (then it pauses between attempts);
 * a timer in the branch where `requestIdleCallback` / `requestAnimationFrame` is missing; a release of an object URL
 * or stale entries.
 */
export function noDeadline(
  file: TimerFile,
  call: EsNode,
  callback: EsNode,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  if (file.fallbacks.standsIn(call) || onlyReleases(callback, file.definitions, visitorKeys)) return true;
  // `setTimeout(function () { xhr.abort(); xhr = $.ajax(...) }, 50)`: it starts the request it stores, a defer.
  if (replacesWhatItAborts(callback, file.around.innermost(call), file.source)) return true;
  const visible = (name: string, at: number) =>
    visibleDefinition(name, at, file.definitions, file.functionSpans, file.lexical);
  if (pollStep(call, callback, visible, file.source)) return true;
  return (
    !file.kept.has(call) &&
    retriesUntilSpent(callback, armedBy(call, file.definitions, visible), file.source, visitorKeys) &&
    !settlesBeside(callback, file.around.innermost(call), file.around.settlers(call), visitorKeys)
  );
}

/**
 * `setTimeout(step, 1)` where `function step() { if (done()) resolve(); else if (waited >= timeout) reject(err); else
 * setTimeout(step, steptime) }`: a poll's step arms itself again, so its firing ends nothing by itself; whatever
 * ends the wait is the step's own test (inboxsdk's `waitFor`, fresh128). Its delay paces the poll.
 */
function pollStep(
  call: EsNode,
  callback: EsNode,
  visible: (name: string, at: number) => EsNode | undefined,
  source: string,
): boolean {
  const name = callback.type === "Identifier" ? (callback.name as string) : undefined;
  const step = name === undefined ? undefined : visible(name, span(call)[0]);
  if (!step) return false;
  const [from, to] = span(step);
  const own = name!.replace(/\$/g, "\\$");
  return new RegExp(`\\bset(Timeout|Interval)\\s*\\(\\s*${own}\\s*,`).test(source.slice(from, to));
}

/** Whether a timer's callback bounds no wait when it fires (`tables` tells a cache from a table of waiters). */
export function boundsNothing(
  file: TimerFile,
  tables: TableRoles,
  visitorKeys: VisitorKeys | undefined,
): (timer: { call: EsNode; callback: EsNode }) => boolean {
  const visible = (name: string, at: number) =>
    visibleDefinition(name, at, file.definitions, file.functionSpans, file.lexical);
  return ({ call, callback }) =>
    onlyLogsOrMeasures(callback, file.definitions, visitorKeys) ||
    onlyForgets(callback, tables) ||
    onlyShows(callback, file.definitions, file.setters) ||
    onlyRetries(call, callback, file.definitions, visitorKeys, file.around.enclosing(call, "names"), visible) ||
    onlyContinues(callback, continuations(call, file.around, file, file.source), visitorKeys) ||
    noDeadline(file, call, callback, visitorKeys);
}
