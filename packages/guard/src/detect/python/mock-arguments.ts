import type { Node as TsNode } from "web-tree-sitter";
import { BLOCKING_METHODS, DRAINING_METHODS } from "./context.ts";

// Where a patched test hands a literal: to a call that is not a wait (`client.guest_stop(uid, timeout=300)` with the
// client's `_request` patched), directly or through a local every read of which is such an argument.

// `timeout_secs = 10` in a test function, then only `transfer.download(ctx, timeout_secs)`: the local is the value.
export function localHandedToNonWaits(value: TsNode): boolean {
  const assignment = value.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
  if (left?.type !== "identifier" || assignment?.childForFieldName("right")?.id !== value.id) return false;
  let fn: TsNode | null = assignment!.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const reads = (fn?.childForFieldName("body")?.descendantsOfType("identifier") ?? []).filter(
    (use) => use !== null && use.text === left.text && use.id !== left.id,
  );
  return reads.length > 0 && reads.every((read) => handedToNonWait(read!) === true);
}

/**
 * Whether `value` is a call's own argument (positional or keyword) and that call is not a wait (BLOCKING_METHODS or
 * DRAINING_METHODS);
 * undefined when it is no call's argument.
 */
export function handedToNonWait(value: TsNode): boolean | undefined {
  let node = value.parent;
  if (node?.type === "keyword_argument") {
    if (node.childForFieldName("value")?.id !== value.id) return undefined;
    node = node.parent;
  }
  const call = node?.type === "argument_list" ? node.parent : undefined;
  if (call?.type !== "call") return undefined;
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  return !BLOCKING_METHODS.test(method ?? "") && !DRAINING_METHODS.test(method ?? "");
}
