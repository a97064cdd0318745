// `sock.settimeout(None)` puts the socket in blocking mode, the state every new socket starts in: it switches a timer
// off (like Node's `socket.setTimeout(0)`), it does not itself wait. What waits later may be bounded otherwise
// (SO_RCVTIMEO, select, a watchdog), so a None handed there is not reported, written or among a loop's values.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeText } from "./syntax.ts";

const SWITCH_OFF = /(^|\.)settimeout$/;

/** Whether the callee (as written) is a socket's `settimeout`, whose None switches the timer off. */
export function switchesTimerOff(written: string): boolean {
  return SWITCH_OFF.test(written);
}

/** Whether `argument` is handed by position to such a call: `for timeout in (5, None): s.settimeout(timeout)`. */
export function handedToSwitchOff(argument: TsNode): boolean {
  const call = argument.parent?.type === "argument_list" ? argument.parent.parent : null;
  return call?.type === "call" && switchesTimerOff(calleeText(call));
}
