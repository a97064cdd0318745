// What an unbounded-looking value (0, `false`, Infinity, an API's INFINITE) is once its meaning at the site is known:
// "no limit" reported as unbounded, a 0 ms timeout reported as hardcoded, or nothing (the receiver's business, the
// code's own "no limit" that never reaches a wait, a wait's own default left to its caller).
import type { EsNode } from "./ast.ts";
import type { Constants } from "./constants.ts";
import type { HelperParameters } from "./deadline-helpers.ts";
import { infiniteMeaningAt, type MeaningSite, OWN, reachesWait, zeroMeaningAt } from "./meaning.ts";
import type { Classified } from "./values.ts";
import type { VisitorKeys } from "./walk.ts";

/** The detector as the verdict needs it. */
export interface UnboundedJudge extends MeaningSite {
  readonly constants: Constants;
  readonly visitorKeys: VisitorKeys | undefined;
  /** The deadline helpers of the package's other modules (`deadline-helpers.ts`). */
  readonly packageHelpers: HelperParameters | undefined;
}

/**
 * The rule an unbounded-looking `item` is reported under, or undefined when it bounds nothing here.
 * `zeroIsUnbounded` is what a 0 means to the API the value is given to, when the caller knows it; otherwise the
 * site decides (`meaning.ts`).
 */
export function unboundedVerdict(
  judge: UnboundedJudge,
  item: Classified,
  zeroIsUnbounded: boolean | undefined,
): Classified["kind"] | undefined {
  const { facts, constants, visitorKeys } = judge;
  const zero = item.literal === "false" || constants.evaluate(item.node) === 0;
  const meaning =
    zeroIsUnbounded ??
    (item.declared ? OWN : zero ? zeroMeaningAt(judge, item.node) : infiniteMeaningAt(judge, item.node));
  // `stop({ timeout: 0 })` to a receiver nobody here knows: it decides what 0 means (Docker: kill at once).
  if (meaning === undefined) return undefined;
  if (meaning === OWN) {
    // The code's own "no limit" (a default, a field, a table's 0, an `Infinity`): only where the file shows it
    // reaching a wait; `sublimitTimeout: 0` in data for listeners or a key nothing reads bounds nothing.
    if (!reachesWait(judge, item.node, !zero) && !judge.reachesWaitElsewhere(zero)) return undefined;
    // `acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`: the function is the wait, its own
    // "no limit" leaves the bound to its caller (`own-waits.ts`).
    if (isCallersChoice(judge, item.node)) return undefined;
    // `var options = { timeout: 0 }` merged with the caller's options on every call: the call's own default.
    if (facts.perCall.isPerCall(item.node, visitorKeys)) return undefined;
    // `_setTimeout(func, timeout) { if (timeout == null) timeout = 0; ... setTimeout(func, timeout) }`: a timer's
    // delay of 0 runs its callback at the next tick; nothing waits forever (`own-waits.ts`).
    if (zero && facts.ownWaits.firesAtOnce(item.node, visitorKeys, facts.timers.definitions)) return undefined;
  }
  return meaning ? "unbounded" : "hardcoded";
}

/**
 * A default of a function that hands the parameter, unchanged, only to waits it makes itself: a known wait, a function
 * of the file that waits with it, or a deadline helper of the file or of the package's own modules
 * (`waitForExit(timeout = 0) { if (timeout) await (0, _promise.waitFor)(this.stopPromise, timeout) }`).
 */
function isCallersChoice(judge: UnboundedJudge, node: EsNode): boolean {
  const { facts } = judge;
  const flow = facts.waitFlow(judge.apis);
  return facts.ownWaits.callersChoice(
    node,
    judge.visitorKeys,
    (callee, position, count, key) =>
      flow.handsToWait(callee, position, count) ||
      helperBounds(judge, callee, position) ||
      // `waitFor(check, { ...options })`: the options go on, and the file shows their key reaching a wait.
      (key !== undefined && flow.flowsByCode(key)) ||
      WAIT_CALLEE.test(callee),
  );
}

/**
 * `binding.RTI_Connector_wait_for_data.async(native, timeout, cb)`, `this.waitUntilReady(timeout)`: a call named for the
 * wait it makes, in the last two steps of its path (a native binding's `.async`), handed the value by a function that
 * returns the promise of that wait.
 */
const WAIT_CALLEE = /(?:(?:^|[._])[Ww]|(?<=[a-z])W)ait(?:[A-Z_]|$)[\w$]*(?:\.[\w$]+)?$/;

/** `waitFor(promise, timeout)`, a helper the package shows bounding a wait with its argument at `position`. */
function helperBounds(judge: UnboundedJudge, callee: string, position: number): boolean {
  const { modules, deadlineHelpers } = judge.facts;
  const called =
    modules.defaultExportName(callee) ??
    judge.facts.webpack.exported(callee) ??
    callee.slice(callee.lastIndexOf(".") + 1);
  const own = modules.canonical(callee)?.startsWith(".") ? judge.packageHelpers : undefined;
  return (deadlineHelpers.parameters.get(called) ?? own?.get(called))?.has(position) === true;
}
