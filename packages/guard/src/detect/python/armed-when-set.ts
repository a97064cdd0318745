// A kept setting whose None means "no timer": aioimaplib's `Command(timeout=None)` keeps `self._timeout` and arms its
// deadline only `if self._timeout is not None:` (`self._timer = self._loop.call_later(self._timeout,
// self._timeout_callback)`). The test keeps None away from the timer, and that is the point: a command built without a
// timeout waits for its response with no limit, the object's own "no limit" (README "a parameter default None"). Only
// asyncio's, Twisted's and threading's timers (GUI main-loop timers mostly pace or show something), whose callback's
// name or every definition the file has of it ends or fails the operation (`schedules.ts`'s deadline callbacks).
import type { Node as TsNode } from "web-tree-sitter";
import { calledName, callbackTarget, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";
import { endsSomething } from "./main-loop-callbacks.ts";
import { unwrap } from "./syntax.ts";

/** The deadline timers: asyncio's `call_later`, Twisted's `callLater`, `threading.Timer`. */
const DEADLINE_TIMERS = /^(call_later|callLater|Timer)$/;

/**
 * Whether `read` (of `target`, `self.x` or a parameter) is the delay of a deadline timer armed only under one plain
 * "is it set" test of `target` (`if target:`, `if target is not None:`) with no `else`, below `top`.
 */
export function armedOnlyWhenSet(read: TsNode, target: string, top: TsNode): boolean {
  const list = read.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildren[0]?.id !== read.id) return false;
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  const callback = list!.namedChildren[1];
  if (!DEADLINE_TIMERS.test(method ?? "") || !callback || callback.type === "keyword_argument") return false;
  return endsOperation(callback) && onlyWhenSet(call, target, top);
}

function endsOperation(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  if (!target) return false;
  const name = target.type === "attribute" ? target.childForFieldName("attribute")?.text : target.text;
  if (name && endsSomething(name)) return true;
  const definitions = definitionsFor(target);
  return definitions.length > 0 && definitions.every((fn) => remembered(fn, "ends operation", fails));
}

// A body that raises, or calls something that ends or fails (`fut.set_exception(...)`, `self.transport.close()`),
// outside logging calls.
function fails(fn: TsNode): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  if (body.descendantsOfType("raise_statement").length > 0) return true;
  return body
    .descendantsOfType("call")
    .some((call) => call !== null && !isLoggingCall(call) && endsSomething(calledName(call)));
}

// Exactly one test of `target` between the call and `top`: an `if` without `else` asking only whether it is set.
function onlyWhenSet(call: TsNode, target: string, top: TsNode): boolean {
  const escaped = target.replace(/[.]/g, "\\.");
  const given = new RegExp(`^(${escaped}|${escaped} is not None|not ${escaped} is None)$`);
  const mention = new RegExp(`(^|[^\\w.])${escaped}(?![\\w])`);
  let tests = 0;
  for (let current: TsNode | null = call.parent; current && current.id !== top.id; current = current.parent) {
    if (current.type === "boolean_operator" || current.type === "conditional_expression") return false;
    if (!/^(if_statement|elif_clause|while_statement)$/.test(current.type)) continue;
    const condition = current.childForFieldName("condition");
    if (!condition || !mention.test(condition.text)) continue;
    if (current.type !== "if_statement" || current.childrenForFieldName("alternative").some((n) => n !== null))
      return false;
    if (!given.test(unwrap(condition).text.replace(/\s+/g, " ").trim())) return false;
    tests++;
  }
  return tests === 1;
}
