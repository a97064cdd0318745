// What is worked out once a file's walk is over (`FileFacts.collect`): the judgement of its timers (inert, unended),
// the names only paused with, and the values nothing reads or waits on (they become `notDurations`).
import type { EsNode } from "./ast.ts";
import { azurePollIntervals } from "./azure-poll-intervals.ts";
import { releaseDebounceBindings } from "./debounce-bindings.ts";
import type { FileFacts } from "./facts.ts";
import { TableRoles } from "./forgotten-tables.ts";
import { pauseNames } from "./pause-names.ts";
import { paymentWindows } from "./payment-windows.ts";
import { protobufDefaults } from "./protobuf-defaults.ts";
import { endsNothing } from "./unended-timers.ts";
import { unreadFields } from "./unread-fields.ts";
import { userIdleAllowances } from "./user-idle.ts";
import type { VisitorKeys } from "./walk.ts";

/** A CommonJS or ES module: its top-level names are its own (a classic script's top-level `var` is a global). */
const MODULE = /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w|^\s*(import|export)\b/m;
/**
 * A GJS module of the legacy importer (cinnamon's `const Main = imports.ui.main;`): each file has its own scope, and
 * other files see only its top-level `var`s and functions (`imports.ui.main.NAME`); its `const`s and `let`s are its own.
 */
const GJS_MODULE = /\bimports\.(?:gi|ui|misc|mainloop|lang|signals|byteArray|cairo|gettext|system)\b/;

/** The steps after the walk of `program`, in order: each reads what the walk and the steps before it found. */
export function finishWalk(facts: FileFacts, program: EsNode, visitorKeys: VisitorKeys | undefined): void {
  facts.timers.finish(visitorKeys, new TableRoles(program, visitorKeys), (call) => endsNothing(facts, call));
  // Names read only as the pause before the next attempt (`pause-names.ts`): no timeouts, like an inert timer's
  // (`sleep(retryTimeout)` hands it to a call and `setTimeout(resolve, tryTimeout)` settles a promise, but both
  // only sleep; every other read of the name, a timer that may end a wait included, keeps it a timeout there).
  const sleepers = new Set([...facts.noWait.sleepers, ...facts.sleepersElsewhere]);
  const pauses = pauseNames(program, facts.source, (delay) => facts.timers.inertDelay(delay), sleepers);
  for (const name of pauses.names) facts.timers.inertNames.add(name);
  facts.timers.inertRanges.push(...pauses.sleeps);
  releaseDebounceBindings(facts.source, program, visitorKeys, facts.noWait);
  facts.unreadDefaults.finish(facts.notDurations);
  unreadFields(program, facts.source, visitorKeys, facts.notDurations);
  facts.discardedReads.finish((name) => facts.unreadDefaults.uses(name), facts.notDurations);
  for (const range of facts.discardedReads.thrownAway) facts.noWait.quietIn(range);
  const uses = (name: string) => facts.unreadDefaults.uses(name);
  // Asked only when a top-level constant nothing names turns up: most files have none, and the scan reads the whole text.
  let module: boolean | undefined;
  let gjs: boolean | undefined;
  const ownsTopLevel = (lexical: boolean) =>
    (module ??= MODULE.test(facts.source)) || (lexical && (gjs ??= GJS_MODULE.test(facts.source)));
  facts.unreadStores.finish(facts.sites, facts.functionSpans, uses, visitorKeys, facts.notDurations, ownsTopLevel);
  facts.machineDelays.finish(facts.notDurations, facts.source);
  for (const site of facts.writtenOptions.finish(program, facts.source, visitorKeys)) facts.notDurations.add(site);
  azurePollIntervals(facts.source, facts.sites, facts.notDurations);
  protobufDefaults(facts.source, facts.sites, facts.notDurations);
  paymentWindows(facts.source, facts.sites, facts.notDurations);
  userIdleAllowances(facts.source, facts.sites, facts.notDurations);
  facts.syncTests.finish();
  // A test renders its own components with inputs (`foreign-components.ts`): asked only when it handed any.
  if (facts.ownComponentProps.length > 0 && facts.timers.testing())
    for (const range of facts.ownComponentProps) facts.noWait.quietIn(range);
}
