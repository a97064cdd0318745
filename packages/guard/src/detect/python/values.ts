// What a timeout value is judged to be, and the numbers that are not durations.
import type { Node as TsNode } from "web-tree-sitter";

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

// `classify`'s item for "no limit" standing in for the caller's None: unbounded, or a day or more
// (pexpect's `1e6` s, ipykernel's "wait for a week instead" `604800`, ceph's `24 * 60 * 60`): no one bounds a wait
// by a day. `evaluate` folds the arithmetic.
export function isNoLimit(item: Classified, evaluate: (node: TsNode) => number | undefined): boolean {
  if (item.kind === "unbounded") return true;
  const value = evaluate(item.node);
  return value !== undefined && Number.isFinite(value) && value >= DAY;
}

// A day in seconds: no one bounds a wait by a day or more (see `isNoLimit`).
export const DAY = 86_400;
