// A TIMER SCHEDULE whose callback only sets what is shown (session 25, guard-display25): topplot's `display_msg(txt,
// timeout)` arms `Timer(timeout, clearup)` where `def clearup(): self.msg_text_box.set_visible(False)`: when it fires a
// message box is hidden; nothing that waits is cancelled, failed or woken. The stricter schedulers (threading's `Timer`,
// asyncio's `call_later`, Twisted's `callLater`) mostly bound protocol steps, so their callbacks are not released for
// ending nothing alone (the GUI main loops' are: `main-loop-callbacks.ts`); one whose every step writes a constant into
// a setter of an object (`box.set_visible(False)`, `label.setText("")`) is the end of a display period. The JavaScript
// side asks the same of a `setTimeout` callback (`display-timers.ts`).
import type { Node as TsNode } from "web-tree-sitter";
import { callbackTarget, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";
import { endsNothing, endsSomething } from "./main-loop-callbacks.ts";
import { unwrap } from "./syntax.ts";

/** A setter of an object's state (`set_visible`, `setText`), not a bare `set(value)` (an event, an `AsyncResult`). */
const SETTER = /^set(_[a-z]|[A-Z])/;
/** A future's or a promise's outcome: setting it wakes whoever waits on it (`fut.set_result(False)`). */
const OUTCOME = /^set_?(result|exception|running)/i;
/** Constants a setter may be given: they say nothing ends (a string saying time-out, fail or close does). */
const CONSTANT = new Set(["true", "false", "none", "integer", "float"]);

/**
 * Whether the callback handed to a schedule only sets shown state: a lambda whose one call is a setter called with
 * constants, or a callback that ends nothing (`endsNothing`) whose every definition in the file (or the one the lambda
 * calls) has only such setters as statements (and logging calls, `pass`, a docstring), at least one.
 */
export function onlySetsShown(callback: TsNode): boolean {
  // `lambda: self.box.set_visible(False)`: the lambda's one call is such a setter.
  const lambda = unwrap(callback);
  const body = lambda.type === "lambda" ? lambda.childForFieldName("body") : null;
  if (body?.type === "call" && setsConstant(body)) return true;
  if (!endsNothing(callback)) return false;
  const target = callbackTarget(callback);
  const definitions = target ? definitionsFor(target) : [];
  return definitions.length > 0 && definitions.every((fn) => remembered(fn, "sets shown", setsShown));
}

function setsShown(fn: TsNode): boolean {
  const statements = (fn.childForFieldName("body")?.namedChildren ?? []).filter(
    (s): s is TsNode => s !== null && s.type !== "comment",
  );
  let sets = false;
  for (const statement of statements) {
    if (statement.type === "pass_statement") continue;
    const expression = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (expression?.type === "string") continue;
    if (expression?.type !== "call") return false;
    if (isLoggingCall(expression)) continue;
    if (!setsConstant(expression)) return false;
    sets = true;
  }
  return sets;
}

// `self.msg_text_box.set_visible(False)`: a method of an object, named as a setter, given constants only.
function setsConstant(call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  if (!method || !SETTER.test(method) || OUTCOME.test(method) || endsSomething(method)) return false;
  const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a): a is TsNode => a !== null && a.type !== "comment",
  );
  return args.length > 0 && args.every(constant);
}

function constant(node: TsNode): boolean {
  if (CONSTANT.has(node.type)) return true;
  if (node.type === "unary_operator") return node.namedChildren.every((c) => c !== null && constant(c));
  return node.type === "string" && !endsSomething(node.text.replace(/\W+/g, "_"));
}
