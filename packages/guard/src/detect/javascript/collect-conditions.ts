// What a file tests and compares: the facts an `if`, a `&&`, a conditional and a binary expression feed, in the
// walk's order (a later step may read an earlier one's).
import { type EsNode, span } from "./ast.ts";
import { evictionNames, staleResetNames, thresholdNames } from "./expiries.ts";
import type { FileFacts } from "./facts.ts";
import { backoffBase } from "./backoff-bases.ts";
import { infinityRespelling } from "./not-durations.ts";

/** An `if` statement: its test for a zero or a missing value, its dead branch, what its body re-spells or clamps. */
export function collectIf(facts: FileFacts, node: EsNode): void {
  // `if (t === Infinity || t < 0) t = 0`: the caller's "no limit" re-spelled for a driver, not chosen here.
  facts.zero.ifStatement(node);
  facts.zero.test(node.test as EsNode);
  facts.deadCode.ifStatement(node);
  facts.deadlineHelpers.clock.ifStatement(node);
  const respelled = infinityRespelling(node, facts.source);
  if (respelled) facts.notDurations.add(respelled);
  for (const name of evictionNames(node)) facts.timers.expiry(name);
  for (const name of thresholdNames(node, facts.source)) facts.timers.expiry(name);
  facts.bounds.clamp(node, facts.source);
  const test = facts.text(node.test as EsNode);
  if (/\b(undefined|null)\b/.test(test)) facts.configuredGuards.push([...span(node.consequent as EsNode), test]);
}

/** `a && b`, `a || b`, `a ?? b`. */
export function collectLogical(facts: FileFacts, node: EsNode): void {
  // `t && arm(t)`: the left side is tested for being set.
  if (node.operator === "&&") facts.zero.test(node.left as EsNode);
  facts.deadCode.logical(node);
  facts.sites.push(node);
}

/** `test ? a : b`. */
export function collectConditional(facts: FileFacts, node: EsNode): void {
  for (const name of staleResetNames(node)) facts.timers.expiry(name);
  facts.zero.test(node.test as EsNode);
  facts.deadCode.conditional(node);
  facts.sites.push(node);
}

/** A comparison or arithmetic: clock deadlines, no-limit comparisons, bounds, a backoff's base. */
export function collectBinary(facts: FileFacts, node: EsNode): void {
  facts.noWait.comparison(node);
  facts.noLimit.comparison(node);
  facts.zero.deadline(node, (side) => facts.noLimit.isClock(side));
  facts.bounds.binary(node, (name) => facts.isTimeout(name));
  if (node.operator === "+") {
    const base = backoffBase(node);
    if (base !== undefined) facts.backoffs.add(base);
  }
}
