// Waits on an event or a condition that nothing can ever set or notify: `e = threading.Event()` then `while
// cmd._COb is None: e.wait(0.01)` (pymol). Such a wait always runs its whole duration: it is a sleep, a pause between
// checks, not a bound on anything awaited. Decided by what can reach the object: a local of the function, made there
// by an `Event()`/`Condition()` constructor, whose every mention waits on it or tests it (no `set()`, no `notify()`,
// never handed to a call, stored, returned or captured under another name), so no other thread can signal it.
// `event.wait(5)` on an event another thread (or a callback, a handler it is handed to) sets stays a bounded wait.
import type { Node as TsNode } from "web-tree-sitter";
import { enclosingFunction, occurrences } from "./syntax.ts";

// The constructors of a waitable that only `set()`/`notify()` ends early: threading's, asyncio's, multiprocessing's,
// gevent's `Event` and `Condition`, by the callee's last name.
const WAITABLE = /(^|\.)(Event|Condition)$/;
// The methods of such an object that neither signal it nor let it escape.
const PASSIVE = /^\s*\.\s*(wait|is_set|isSet|clear|acquire|release|locked)\s*\(/;

/** `e.wait(0.01)` on a local `threading.Event()` (or `Condition()`) nothing in its function can set or notify. */
export function waitsOnUnsetEvent(call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "wait") return false;
  const receiver = callee.childForFieldName("object");
  if (receiver?.type !== "identifier") return false;
  const fn = enclosingFunction(call);
  if (!fn) return false;
  const name = receiver.text;
  // A parameter came from the caller, who may keep it and set it: not the function's own object.
  const parameters = fn.childForFieldName("parameters");
  if (parameters && occurrences(parameters, name).length > 0) return false;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  const source = call.tree.rootNode.text;
  const offset = call.tree.rootNode.startIndex;
  let made = 0;
  for (const at of occurrences(body, name)) {
    const after = source.slice(at - offset + name.length, at - offset + name.length + 40);
    if (PASSIVE.test(after)) continue;
    const found = call.tree.rootNode.descendantForIndex(at, at + name.length);
    if (found?.type !== "identifier" || found.text !== name) return false;
    // `e = threading.Event()`: a binding to a new waitable; any other binding (or `global e`) may be shared.
    const parent = found.parent;
    // `with cond:` takes the condition's own lock: it signals nothing.
    if (parent?.type === "with_item") continue;
    // `self.events[id] = event = threading.Event()`: a chained assignment keeps it elsewhere too.
    const statement = parent?.parent?.type === "expression_statement";
    if (parent?.type === "assignment" && statement && parent.childForFieldName("left")?.id === found.id) {
      const right = parent.childForFieldName("right");
      const constructor = right?.type === "call" ? right.childForFieldName("function")?.text : undefined;
      if (!constructor || !WAITABLE.test(constructor.replace(/\s+/g, ""))) return false;
      made++;
      continue;
    }
    return false;
  }
  return made > 0;
}
