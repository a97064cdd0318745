// What a 0 written for a receiver means (`zeroMeaningOf`): the timeout APIs the guard knows say it, or a receiver that
// is itself a timeout. Split from zero.ts (the facts one walk collects about 0s), which asks `isZero` of its tests.
import { matchApi, type TimeoutApi } from "../../apis.ts";
import type { EsNode } from "./ast.ts";

/**
 * A receiver that is itself a timeout (`Timeout.expires(ms)`, `createTimeout(ms)`), not a timer call. The plural is
 * no such receiver: a collection of timers (`this.timeouts.get(id)`, a Map of handles) or a setter of several
 * (WebDriver's `setTimeouts(implicit, pageLoad, script)`, whose implicit 0 means "look once") is not a timeout built
 * from its first argument.
 */
const TIMEOUT_RECEIVER = /timeout(?!s)/i;
const TIMER_FUNCTIONS = /(^|\.)(set|clear)(Timeout|Interval)$/;

/** A literal 0. */
export function isZero(node: EsNode): boolean {
  return node.type === "Literal" && node.value === 0;
}

/**
 * What a 0 written for `callee` means: true "no limit", false a 0 ms timeout, undefined unknown (the
 * receiver decides, and nothing in the file says it waits forever).
 */
export function zeroMeaningOf(apis: readonly TimeoutApi[], callee: string | undefined): boolean | undefined {
  if (callee === undefined) return undefined;
  const api = matchApi(apis, "js", callee);
  if (api) return api.zeroIsUnbounded ?? true;
  // `Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`: a timeout object built from an unset value.
  return TIMEOUT_RECEIVER.test(callee) && !TIMER_FUNCTIONS.test(callee) ? true : undefined;
}
