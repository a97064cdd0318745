// A "no limit" that switches a timer off (`idleTimeout: 0`, `bodyTimeout: 0` bounded another way) or a clamp at
// setTimeout's largest delay: no wait left without a bound.
import { span, unwrap } from "./ast.ts";
import type { Constants } from "./constants.ts";
import type { FileFacts } from "./facts.ts";
import { receiverOf } from "./options-receiver.ts";
import { type Classified, NO_LIMIT } from "./values.ts";

/**
 * `idleTimeout: 0`, a 0 that only feeds `Math.max`, a test double's 0: no timer anyone waits on.
 * `if (t > MAXDELAY) t = MAXDELAY` (its bound inline too): setTimeout's largest delay as a clamp, not "no limit".
 */
export function switchesOff(
  facts: FileFacts,
  constants: Constants,
  siteName: string | undefined,
  item: Classified,
): boolean {
  const off = item.literal === "0" || item.literal === "false";
  if (off && facts.noWait.offAt(siteName, span(item.node)[0])) return true;
  // `timeout: 0` of a server whose connections' `socket.setTimeout(timeout)` is its only timer: idle sockets stay.
  if (off && facts.serverIdle.isServerIdle(siteName)) return true;
  // `bodyTimeout: 0` under `// timeouts are handled by AbortSignal in our middleware`: bounded another way.
  if (off && facts.noLimit.handledElsewhere(span(item.node)[0])) return true;
  // `buildConnector({ timeout: 0 })` from undici where every request carries `AbortSignal.timeout(...)`.
  if (off && facts.signalDeadlines.replaces(receiverOf(facts, item.node))) return true;
  // `batchDelayTimeout || Infinity` where every timer armed with it runs the next step: a delay switched off.
  if (facts.held.onlySchedules(siteName)) return true;
  const constant = /^([\w$]+) = /.exec(item.literal)?.[1];
  const clamped = constant === undefined ? facts.bounds.inlineClamps.has(unwrap(item.node)) : undefined;
  if (!(clamped ?? facts.noWait.clamps.has(constant ?? ""))) return false;
  return (constants.evaluate(item.node) ?? 0) >= NO_LIMIT;
}
