// Timers that stand in for a scheduling API or only release what a finished operation left behind, by what their
// callback is: `setTimeout(work, 200)` where `requestIdleCallback` is missing (the same `work` is handed to
// `requestIdleCallback(work)` beside it, or the function is the `||` / `?:` fallback of `window.requestIdleCallback`),
// and `setTimeout(revoker, 40_000)` whose callback only revokes an object URL or purges or prunes stale entries. When
// either fires nothing that waits fails, ends or settles: its delay is when deferred work runs, not a deadline.
import { calleePath, type EsNode, FUNCTION_TYPES, memberName, span, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";
import type { Definitions } from "./callback-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** The scheduling APIs a timer stands in for where the environment lacks them. */
const SCHEDULERS = "(?:requestIdleCallback|requestAnimationFrame)";
/** `window.requestIdleCallback || function (cb) {`, `typeof requestIdleCallback === "function" ? ... : (cb) =>`. */
const FALLBACK_OF = new RegExp(`\\b${SCHEDULERS}\\b[^;{}]{0,80}(?:\\|\\||\\?\\?|:)\\s*(?:\\(\\s*)?$`);
/**
 * A test for the scheduler's presence (`"requestIdleCallback" in window`, `typeof requestIdleCallback`, `if
 * (window.requestIdleCallback)`): the timer is the other branch, not a bound raced against the scheduler's callback
 * (`setTimeout(finish, ms); requestAnimationFrame(() => requestAnimationFrame(finish))` is a deadline).
 */
const PRESENCE_TEST = new RegExp(
  `["']${SCHEDULERS}["']\\s+in\\b|\\btypeof\\s+(?:\\w+\\.)?${SCHEDULERS}\\b|\\bif\\s*\\(\\s*!?\\s*(?:\\w+\\.)?${SCHEDULERS}\\s*\\)|\\b${SCHEDULERS}\\s*\\?`,
);
/** How far before a function its fallback's scheduler may be named. */
const FALLBACK_WINDOW = 120;

/**
 * Whether a timer's `callback` is idle or frame work handed to a scheduler in its place: a name the innermost
 * function around the timer also hands to `requestIdleCallback(name` / `requestAnimationFrame(name` where it tests
 * whether the scheduler is there, or a timer inside the function written as that scheduler's fallback.
 */
export function standsInForScheduler(
  call: EsNode,
  callback: EsNode,
  source: string,
  functionSpans: readonly [number, number][],
): boolean {
  const [at] = span(call);
  let inner: [number, number] | undefined;
  for (const [from, to] of functionSpans) if (from < at && at < to && (!inner || from > inner[0])) inner = [from, to];
  if (inner === undefined) return false;
  const named = unwrap(callback);
  if (named.type === "Identifier") {
    const name = (named.name as string).replace(/\$/g, "\\$");
    const handed = new RegExp(`\\b${SCHEDULERS}\\s*\\(\\s*${name}\\s*[,)]`);
    const text = source.slice(inner[0], inner[1]);
    if (handed.test(text) && PRESENCE_TEST.test(text)) return true;
  }
  return FALLBACK_OF.test(source.slice(Math.max(0, inner[0] - FALLBACK_WINDOW), inner[0]));
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
