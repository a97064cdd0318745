// What a Qt timer's SLOT does when the timer fires (session 29, guard-pygui29): the interval of a `QTimer` object is a
// deadline only where its `timeout` ends an operation in progress (a watchdog's `reply.abort()`, `process.kill()`, an
// event loop's `loop.quit()`); where the slot does the work the timer was set for (spyder's editor redraws its
// decorations, marks a word's occurrences, refreshes a status-bar widget) the interval is a debounce or a refresh
// period. `endsNothing` (main-loop-callbacks.ts) reads every function the slot reaches, at any depth, for a word that
// says an end, and an editor's deep helpers all say one (`DiagnosticSeverity.ERROR`, a message "Error when processing
// linting", a file's `close()`). Here the slot's own body keeps that word test, and what the file's own functions it
// calls DO is read from their calls: a call, other than of the timer itself, whose name says abort, kill, cancel, quit,
// close, stop, fail... (the file's own functions one more level down by their names), an emitted signal whose name
// says so, or a `raise` of its own. Names, constants and strings there are the work's own vocabulary, not an end.
import type { Node as TsNode } from "web-tree-sitter";
import { callbackTarget, calledName, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";
import { endsNothing, endsSomething, saysEnding } from "./main-loop-callbacks.ts";

/** Whether the slot connected to the timer `timer` (its receiver as written, spaces removed) ends nothing. */
export function slotEndsNothing(slot: TsNode, timer: string): boolean {
  if (endsNothing(slot)) return true;
  const target = callbackTarget(slot);
  const name = target?.type === "attribute" ? target.childForFieldName("attribute")?.text : target?.text;
  if (!target || !name || !/^\w+$/.test(name) || endsSomething(name)) return false;
  const definitions = definitionsFor(target);
  return (
    definitions.length > 0 &&
    definitions.every((fn) => remembered(fn, `qt-slot ${timer}`, (f) => quietSlot(f, timer), false))
  );
}

// The slot's body: no `raise` of its own, no word saying an end (`saysEnding`), and every function of the file it
// calls does nothing that ends (`endsByCalls`).
function quietSlot(fn: TsNode, timer: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body || raises(body) || saysEnding(body)) return false;
  return calledDefinitions(body).every((called) =>
    remembered(called, `qt-slot-call ${timer}`, (f) => !endsByCalls(f, timer), false),
  );
}

// A function the slot calls: a `raise` of its own, or a call (not a log's, not the timer's own `stop()`) whose name
// says an end, a signal emitted under such a name (`self.sig_timed_out.emit()`), or one of the file's functions whose
// name says one.
function endsByCalls(fn: TsNode, timer: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body || raises(body)) return true;
  return body.descendantsOfType("call").some((call) => {
    if (!call || isLoggingCall(call)) return false;
    const callee = call.childForFieldName("function");
    const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
    if (receiver && receiver.text.replace(/\s+/g, "") === timer) return false;
    const name = calledName(call);
    if (name === "emit" && receiver) {
      const signal = receiver.type === "attribute" ? receiver.childForFieldName("attribute")?.text : receiver.text;
      return endsSomething(signal ?? "");
    }
    return endsSomething(name);
  });
}

// The file's own functions a body calls (`self.m(...)`, `f(...)`), each once.
function calledDefinitions(body: TsNode): TsNode[] {
  const called = new Map<number, TsNode>();
  for (const call of body.descendantsOfType("call")) {
    const callee = call?.childForFieldName("function");
    for (const definition of callee ? definitionsFor(callee) : []) called.set(definition.id, definition);
  }
  return [...called.values()];
}

// A `raise` with an exception of its own (a bare `raise` passes on what the work raised).
function raises(body: TsNode): boolean {
  return body.descendantsOfType("raise_statement").some((raise) => raise!.namedChildCount > 0);
}
