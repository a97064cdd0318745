// Judging a file's timers once the walk is over (`TimerEffects.finish`): a timer whose callback only logs, measures
// or does nothing bounds no wait, and names used only as such delays, or only as an entry's expiry, are no timeouts.
import { endsWhenCalled, visibleDefinition } from "./callback-scope.ts";
import { onlyLogsOrMeasures } from "./callback-effects.ts";
import { delayNames, scaledName } from "./delay-names.ts";
import type { TableRoles } from "./forgotten-tables.ts";
import { boundsNothing } from "./no-deadline.ts";
import { type EsNode, span } from "./ast.ts";
import { rearmingTimers } from "./rearming-timers.ts";
import { emptyListener, type Timer } from "./timer-calls.ts";
import type { TimerEffects } from "./timer-effects.ts";
import type { VisitorKeys } from "./walk.ts";

/**
 * Judges every timer (after the walk): its callback only logs or measures, or it may end a wait. `tables` tells a
 * cache a timer forgets an entry of from a table of waiters or locks.
 */
export function judgeTimers(
  effects: TimerEffects,
  visitorKeys: VisitorKeys | undefined,
  tables: TableRoles,
  endsNothing: (call: EsNode) => boolean = () => false,
): void {
  const inert: Timer[] = [];
  const bounds = boundsNothing(effects, tables, visitorKeys);
  // Or a callback that, as far as the file shows, ends nothing when it fires (`unended-timers.ts`).
  const quietTimer = (timer: { call: EsNode; callback: EsNode }) => bounds(timer) || endsNothing(timer.call);
  // A timer whose callback arms itself again paces a loop, as one kept under a pacing handle does.
  // The definition the call sees, or the file's only one of that name (a method the scopes do not place).
  const rearming = rearmingTimers(effects.timers, (name, at) => {
    const all = effects.definitions.get(name) ?? [];
    return (
      visibleDefinition(name, at, effects.definitions, effects.functionSpans, effects.lexical) ??
      (all.length === 1 ? all[0] : undefined)
    );
  });
  for (const timer of effects.timers) {
    const names = delayNames(timer.delay);
    effects.uiDelays.timer(timer.callback, timer.delay, effects.source);
    // `this.showTimeout = setTimeout(() => socket.destroy(err), connectTimeout)`: its handle's name says no delay.
    const paced = effects.paced.has(timer.call) || rearming.has(timer.call);
    if ((paced && !endsWhenCalled(timer.callback, effects.source)) || quietTimer(timer)) {
      inert.push(timer);
      effects.inertRanges.push(span(timer.delay));
    } else for (const name of names) effects.active.add(name);
  }
  // A listener that only logs or measures, or does nothing: the timer ends no wait (its delay's names stay as they are).
  for (const timer of effects.listenerTimers)
    if (
      onlyLogsOrMeasures(timer.callback, effects.definitions, visitorKeys) ||
      emptyListener(timer.callback, effects.source)
    )
      effects.inertRanges.push(span(timer.delay));
  // Only a delay that is the name alone or scaled by a number (`setTimeout(end, idleTimeout)`, `operationTimeout *
  // 2`): a name inside a fallback (`config.x ?? (config.requestTimeout ?? 2000)`) may be the timeout of something else.
  // `this.reconnectWithDelay(wsKey, this.options.reconnectTimeout)`: handed only to a parameter that is only the
  // delay of a timer that bounds nothing, it is that timer's delay; handed anywhere else, it is passed on.
  const handed = effects.handed.finish(effects.definitions, quietTimer);
  for (const name of handed.passed) effects.passed.add(name);
  const locals = effects.locals.finish(quietTimer);
  for (const name of locals.active) effects.active.add(name);
  const quiet = [
    ...inert.map((timer) => scaledName(timer.delay)),
    ...effects.expiries,
    ...effects.delayKeyed,
    ...handed.quiet,
    ...locals.quiet,
  ];
  for (const name of quiet)
    if (name !== undefined && !effects.active.has(name) && !effects.passed.has(name)) effects.inertNames.add(name);
  effects.copies.finish(effects.inertNames, effects.active, effects.passed, effects.expiries);
}
