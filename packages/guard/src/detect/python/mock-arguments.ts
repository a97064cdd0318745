import type { Node as TsNode } from "web-tree-sitter";
import { BLOCKING_METHODS, DRAINING_METHODS } from "./context.ts";
import { everyLocalRead } from "./local-reads.ts";

// Where a patched test hands a literal: to a call that is not a wait (`client.guest_stop(uid, timeout=300)` with the
// client's `_request` patched), directly or through a local every read of which is such an argument.

// `timeout_secs = 10` in a test function, then only `transfer.download(ctx, timeout_secs)`: the local is the value.
export function localHandedToNonWaits(value: TsNode): boolean {
  return everyLocalRead(value, (read) => handedToNonWait(read) === true);
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
