// Timers that stand in for a scheduling API or only release what a finished operation left behind, by what their
// callback is: `setTimeout(work, 200)` in the branch that runs where `requestIdleCallback` is missing (the else of
// `if ("requestIdleCallback" in window)`, the right operand of `window.requestIdleCallback || function (cb) {`), and
// `setTimeout(revoker, 40_000)` whose callback only revokes an object URL or purges or prunes stale entries. When
// either fires nothing that waits fails, ends or settles: its delay is when deferred work runs, not a deadline. A
// timer armed whether or not the scheduler is there (`if (window.requestAnimationFrame) requestAnimationFrame(finish);
// setTimeout(finish, 3000)`) bounds the wait: rAF never fires in a background tab.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, memberName, span, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";
import type { Definitions } from "./callback-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** The scheduling APIs a timer stands in for where the environment lacks them. */
const SCHEDULERS = /^(requestIdleCallback|requestAnimationFrame)$/;

/** `requestIdleCallback`, `window.requestAnimationFrame`, `"requestIdleCallback"`: the scheduler named. */
function namesScheduler(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Identifier") return SCHEDULERS.test(value.name as string);
  if (value.type === "MemberExpression") return SCHEDULERS.test(memberName(value) ?? "");
  return value.type === "Literal" && typeof value.value === "string" && SCHEDULERS.test(value.value);
}

/**
 * Whether `test` tests the scheduler's presence, and which way: `true` when it holds where the scheduler is there
 * (`window.requestIdleCallback`, `"requestIdleCallback" in window`, `typeof requestIdleCallback === "function"`),
 * `false` when it holds where it is missing (`!window.requestIdleCallback`, `typeof ... === "undefined"`), undefined
 * when it tests something else.
 */
function presence(test: EsNode): boolean | undefined {
  const node = unwrap(test);
  if (namesScheduler(node)) return node.type !== "Literal" ? true : undefined;
  if (node.type === "UnaryExpression" && node.operator === "!") {
    const inner = presence(node.argument as EsNode);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === "LogicalExpression" && node.operator === "&&")
    return presence(node.left as EsNode) === true || presence(node.right as EsNode) === true ? true : undefined;
  if (node.type !== "BinaryExpression") return undefined;
  const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
  if (node.operator === "in") return namesScheduler(left) ? true : undefined;
  const typed = [left, right].find((side) => side.type === "UnaryExpression" && side.operator === "typeof");
  const other = typed === left ? right : left;
  if (!typed || !namesScheduler(typed.argument as EsNode) || other.type !== "Literal") return undefined;
  const equal = node.operator === "===" || node.operator === "==";
  const unequal = node.operator === "!==" || node.operator === "!=";
  if (!equal && !unequal) return undefined;
  const missingWord = other.value === "undefined";
  return equal !== missingWord;
}

/**
 * The branches of the file that run where a scheduler is missing, from the syntax tree: the branch of an `if` or a
 * `?:` that tests the scheduler's presence taken when it is missing, and the right operand of `scheduler ||` / `??`.
 */
export class SchedulerFallbacks {
  private readonly spans: [number, number][] = [];

  /** Any node of the walk: an `if`, a `?:` or a `||` / `??` on the scheduler records its fallback branch. */
  node(node: EsNode): void {
    if (node.type === "IfStatement" || node.type === "ConditionalExpression") {
      const there = presence(node.test as EsNode);
      const branch = there === undefined ? undefined : there ? node.alternate : node.consequent;
      if (isNode(branch)) this.spans.push(span(branch));
    } else if (
      node.type === "LogicalExpression" &&
      (node.operator === "||" || node.operator === "??") &&
      namesScheduler(node.left as EsNode)
    )
      this.spans.push(span(node.right as EsNode));
  }

  /** Whether the timer `call` runs only where the scheduler is missing: it stands in for the scheduler. */
  standsIn(call: EsNode): boolean {
    const [from, to] = span(call);
    return this.spans.some(([start, end]) => start <= from && to <= end);
  }
}

/** A call that releases what a finished operation left: an object URL, stale entries of a store. */
const RELEASES = /^(revokeObjectURL|_*(purge|prune)[A-Z_]?\w*)$/;
/** Calls that compute or tidy and decide nothing (a DOM node or a File taken away with the URL it backed). */
const NEUTRAL = /^(Date|Math|Object|JSON|Number|String|Array)\.|(^|\.)(clearTimeout|clearInterval|remove|removeChild)$/;

/**
 * Whether a timer's callback (written in place, or a function of the file named by it) only releases (`RELEASES`),
 * and otherwise only logs, computes or tidies: at least one release, no throw, no await.
 */
export function onlyReleases(
  callback: EsNode,
  definitions: Definitions,
  visitorKeys: VisitorKeys | undefined,
): boolean {
  const fn = unwrap(callback);
  const bodies = FUNCTION_TYPES.has(fn.type)
    ? [fn]
    : fn.type === "Identifier"
      ? [...(definitions.get(fn.name as string) ?? [])]
      : [];
  if (bodies.length === 0) return false;
  let releases = false;
  let ok = true;
  // `get_URL().revokeObjectURL(file)`: the call that finds the releaser is part of the release.
  const receivers = new Set<EsNode>();
  for (const body of bodies)
    walk(body, visitorKeys, (node) => {
      if (!ok) return false;
      if (node !== body && FUNCTION_TYPES.has(node.type)) return false;
      if (node.type === "ThrowStatement" || node.type === "AwaitExpression" || node.type === "YieldExpression")
        ok = false;
      if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
      if (receivers.has(node)) return;
      const callee = unwrap(node.callee as EsNode);
      const path = calleePath(callee) ?? "";
      const method = callee.type === "MemberExpression" ? (memberName(callee) ?? "") : path;
      if (RELEASES.test(method)) {
        releases = true;
        if (callee.type === "MemberExpression") receivers.add(unwrap(callee.object as EsNode));
      } else if (!(NEUTRAL.test(path) || isLog(path))) ok = false;
    });
  return ok && releases;
}
