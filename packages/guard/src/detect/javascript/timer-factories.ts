// Timers made by a timer factory or class rather than `setTimeout`: `Time.getTimer("BLE connect timeout", 120_000,
// () => rejectOnce(new BleError("Timeout while connecting")))` (Matter), `new OneOffTimer(5000, () => fail("timed
// out"))`. When the callback says the operation timed out as it fires, the one duration handed beside it is a deadline.
import { type EsNode, FUNCTION_TYPES, unwrap } from "./ast.ts";
import { reportsTimeout } from "./timeout-reports.ts";

/** A callee named for the timer it makes (`getTimer`, `createTimer`, `OneOffTimer`), not a timer of the platform. */
const TIMER_FACTORY = /(^|\.)\w*Timer$/;

/**
 * The duration of a timer a factory makes whose callback reports a timeout when it fires: the call's only function
 * argument says so (`reportsTimeout`) and exactly one other argument is a positive number.
 */
export function timerFactoryDeadline(
  path: string,
  args: readonly EsNode[],
  evaluate: (node: EsNode) => number | undefined,
): EsNode | undefined {
  if (!TIMER_FACTORY.test(path)) return undefined;
  const callbacks = args.filter((arg) => FUNCTION_TYPES.has(unwrap(arg).type));
  const durations = args.filter((arg) => (evaluate(arg) ?? 0) > 0);
  if (callbacks.length !== 1 || durations.length !== 1) return undefined;
  return reportsTimeout(unwrap(callbacks[0]!)) ? durations[0] : undefined;
}
