// What a timeout value is judged to be, and the numbers that are not durations.
import type { Node as TsNode } from "web-tree-sitter";
import { unitSeconds } from "../../name-words.ts";
import type { PyFacts } from "./facts.ts";
import { referenceName, unwrap } from "./syntax.ts";

// A hardcoded or unbounded value found in a timeout expression, and how the finding spells it.
export type Classified = { kind: "hardcoded" | "unbounded"; node: TsNode; literal: string };

// What `0` means where it is passed: "poll, don't block" in most Python APIs; an API may say otherwise.
export type ZeroMeans = "poll" | "unbounded" | "hardcoded";

// How deep constant folding and classification follow an expression; deeper ones are generated code.
export const MAX_DEPTH = 64;

// The largest 32-bit values (`0xFFFFFFFF`, `2**31 - 1`): the "INFINITE" of C APIs and timers, not a duration.
export const NO_LIMIT = 2 ** 31 - 1;

// A literal written in hex below the 32-bit "INFINITE": a code or a flag (WinAPI's `WAIT_TIMEOUT = 0x102`,
// the value `WaitForSingleObject` returns), never a duration.
export function isCode(node: TsNode): boolean {
  return node.type === "integer" && /^0x/i.test(node.text) && Number(node.text.replace(/_/g, "")) < NO_LIMIT;
}

// `classify`'s item for "no limit" standing in for the caller's None: unbounded, or a day or more in the unit the
// target's name says (pexpect's `1e6` s, ipykernel's "wait for a week instead" `604800`, ceph's `24 * 60 * 60`; not
// `timeout_ms = 100 * 1000`, 100 s): no one bounds a wait by a day. The arithmetic is folded.
export function isNoLimit(item: Classified, facts: PyFacts, name: string | undefined): boolean {
  if (item.kind === "unbounded") return true;
  const value = facts.evaluate(item.node);
  return value !== undefined && Number.isFinite(value) && value * unitSeconds(name ?? "") >= DAY;
}

// `self.timeout or one_week` (`one_week = 7 * 24 * 60 * 60`): a day or more taken only when the caller's value is
// unset (a left side the file does not know) re-spells the caller's "no limit", as `if timeout is None: timeout = 1e6`
// does. In the left side's unit: `self.timeout_ms or 120000` is two minutes, a default of its own. `fallback` is
// `classify`'s items for the right side.
export function respelledNoLimit(facts: PyFacts, node: TsNode, fallback: readonly Classified[]): boolean {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (node.childForFieldName("operator")?.text !== "or" || !left || !right || facts.evaluate(left) !== undefined)
    return false;
  const name = referenceName(unwrap(left));
  return fallback.length > 0 && fallback.every((item) => item.kind === "hardcoded" && isNoLimit(item, facts, name));
}

// A day in seconds: no one bounds a wait by a day or more (see `isNoLimit`).
export const DAY = 86_400;
