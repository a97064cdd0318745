// A timer whose callback cancels a stale operation only to start its replacement under the same handle:
// `setTimeout(function () { if (obj.last.xhr) obj.last.xhr.abort(); obj.last.xhr = $.ajax({...}) }, 50)` (w2ui's form
// save). The callback starts the request it stores; the delay defers that start, it is no deadline on it. A callback
// that aborts without replacing, or whose arming function already started what it stores (a per-try deadline that
// restarts), or that also fails something, stays a deadline.
import { type EsNode, FUNCTION_TYPES, span } from "./ast.ts";
import { ownText } from "./callback-body.ts";
import { DEADLINE_BODY } from "./timers.ts";

/** `handle.abort()`, `this.req.abort()`: the handle aborted (a name or a chain of plain members). */
const ABORT = /([\w$]+(?:\s*\.\s*[\w$]+)*)\s*\.\s*abort\s*\(\s*\)/g;

/**
 * Whether the callback (written inline) aborts only handles it then assigns a new value to, its arming function
 * (`around`) assigns none of them outside the callback, and nothing else in it ends or fails anything.
 */
export function replacesWhatItAborts(callback: EsNode, around: EsNode | undefined, source: string): boolean {
  if (!FUNCTION_TYPES.has(callback.type)) return false;
  const own = ownText(callback, source);
  if (!/\.\s*abort\s*\(/.test(own)) return false;
  const [from, to] = span(callback);
  const outside = around ? source.slice(span(around)[0], from) + source.slice(to, span(around)[1]) : "";
  let rest = own;
  for (const match of own.matchAll(ABORT)) {
    const handle = match[1]!.replace(/\s+/g, "");
    const assigned = assignment(handle);
    const after = own.slice(match.index + match[0].length);
    if (!assigned.test(after) || assigned.test(outside)) return false;
    rest = rest.replace(match[0], "");
  }
  return !DEADLINE_BODY.test(rest);
}

/** `handle = ...` (not `==`, `===`), spaces allowed around the members' dots. */
function assignment(handle: string): RegExp {
  const path = handle
    .split(".")
    .map((part) => part.replace(/\$/g, "\\$"))
    .join("\\s*\\.\\s*");
  return new RegExp(`(?<![\\w$.])${path}\\s*=(?!=)`);
}
