// Waits on an event that are stoppable sleeps, not deadlines: the code does its work when the wait runs out and
// stops when the event fires, or ignores which of the two happened. Decided by what the code does around the
// wait (the loop's body, what is tested afterwards), never by the event's name.
import type { Node as TsNode } from "web-tree-sitter";

// `pygame.time.wait(200)`, `pg.time.wait(10)`, `from pygame import time; time.wait(ms)`, `from pygame.time import
// wait as pause`: the `wait` of a module named `time` (resolved through the file's imports, so a module, not an
// object) pauses the program: a clock module's wait is a sleep, it waits for nothing that could fail to come. An
// object's `wait` (`event.wait(5)`, `pygame.event.wait(100)`, `proc.wait(10)`, `self.time.wait(3)`) stays a bounded wait.
export function isTimeModuleSleep(
  written: string,
  imports: { isImported(name: string): boolean; resolve(dotted: string): string },
): boolean {
  // `import pygame` binds `pygame`; `import pygame.time` is recorded under the dotted name.
  const head = written.slice(0, written.search(/\.|$/));
  if (!imports.isImported(head) && !imports.isImported(written.slice(0, written.lastIndexOf(".")))) return false;
  const path = imports.resolve(written);
  return /(^|\.)time\.wait$/.test(path);
}

// `while not stop.wait(0.25): redraw()`, `if stop.wait(30): break` followed by a ping, or `stop.wait(1)` between
// reconnection attempts on an event the file uses to stop its work: the duration paces a loop or delays a retry,
// and the event only cuts it short. Not a wait whose firing is what the code is after (`while not ready.wait(1):
// check()` that only checks, `if not done.wait(1): fail()`), nor a Condition waited on under its own lock.
export function isPacingWait(call: TsNode, code: () => string): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "wait") return false;
  const receiver = callee.childForFieldName("object")?.text.replace(/\s+/g, "");
  if (!receiver || waitsForWhatItIsHanded(call)) return false;
  const parent = skipParentheses(call.parent);
  if (!parent) return false;
  // `while not stop.wait(0.25): body`: the body runs each time the wait runs out, the event ends the loop.
  if (parent.type === "not_operator") {
    const loop = skipParentheses(parent.parent);
    if (loop?.type === "while_statement" && loop.childForFieldName("condition")?.id === parent.id)
      return doesWork(loop.childForFieldName("body"));
    return false;
  }
  // `while True: if stop.wait(30): break; ping()`: the same loop written with a break.
  if (parent.type === "if_statement" && parent.childForFieldName("condition")?.id === call.id) {
    const statement = parent;
    const loop = statement.parent?.type === "block" ? statement.parent.parent : undefined;
    if (loop?.type !== "while_statement" || !onlyLeaves(parent.childForFieldName("consequence"))) return false;
    if (parent.namedChildren.some((c) => c?.type === "elif_clause" || c?.type === "else_clause")) return false;
    return doesWork(loop.childForFieldName("body"), statement);
  }
  // `stop.wait(1)` as a statement: which of the two happened is not looked at.
  if (parent.type === "expression_statement")
    return ignoredStopSignal(parent, receiver, code) || pauseBeforeEmptyAnswer(parent, receiver, code);
  return false;
}

// `if data is None: self._close_event.wait(0.1); return None` in a test transport's read: the wait's outcome is
// dropped and the answer that follows is a constant (None, a literal, a list of literals) whichever happened, so
// nothing the event could bring is awaited: an interruptible pause (the event, a `threading`/`asyncio` Event the file
// makes, only cuts it short). A readiness wait followed by what became ready (`data_ready.wait(1); return
// self.reader.get_lines()`) and a Condition waited on under its lock stay bounded waits.
function pauseBeforeEmptyAnswer(statement: TsNode, receiver: string, code: () => string): boolean {
  const next = statement.nextNamedSibling;
  if (next?.type !== "return_statement") return false;
  const answer = next.namedChildren[0];
  if (answer && !/^(none|true|false|integer|float|string)$/.test(answer.type)) {
    if (answer.type !== "list" && answer.type !== "tuple") return false;
    if (!answer.namedChildren.every((c) => c !== null && /^(none|integer|float|string)$/.test(c.type))) return false;
  }
  for (let node = statement.parent; node; node = node.parent) {
    if (node.type === "function_definition") break;
    if (node.type === "with_statement") return false;
  }
  const quoted = receiver.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${quoted}\\s*=\\s*[\\w.]*\\bEvent\\(\\)`).test(code());
}

// A wait whose result is dropped, on an event the file tests elsewhere to stop its work (`if stop.is_set():
// return`, `while not stop.is_set(): ...`), and not tested again right after the wait: an interruptible sleep.
// A Condition waited on under `with cond:` is a wait for its predicate, and a wait in a loop whose condition
// tests the event is that loop's poll tick: both bound a wait.
function ignoredStopSignal(statement: TsNode, receiver: string, code: () => string): boolean {
  const quoted = receiver.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const mention = new RegExp(`(?<![\\w.])${quoted}(?!\\w)`);
  for (let node: TsNode | null = statement.parent, depth = 0; node && depth < 30; node = node.parent, depth++) {
    if (node.type === "function_definition" || node.type === "class_definition") break;
    if (
      node.type === "with_statement" &&
      mention.test(node.namedChildren.find((c) => c?.type === "with_clause")?.text ?? "")
    )
      return false;
    if (node.type === "while_statement" && mention.test(node.childForFieldName("condition")?.text ?? "")) return false;
  }
  // Tested right after the wait (`stop.wait(5)` then `if not stop.is_set(): raise`): the outcome is looked at.
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling)
    if (mention.test(next.text) && !(next.type === "expression_statement" && clears(next, quoted))) return false;
  return (
    new RegExp(
      `(\\bif\\s+(\\w+\\s+or\\s+)*|\\bwhile\\s+not\\s+)${quoted}\\.(is_set|isSet)\\(\\)\\s*(or\\b[^:\\n]*)?:`,
    ).test(code()) || clearedEachRound(statement, quoted)
  );
}

// `while self.run: self.event.clear(); ...; self.event.wait(1800)` (ceph's manager modules, whose `shutdown()` sets
// the event): an event the loop clears each round and that the code sets to stop it (and may set to wake it) only
// cuts the pause between rounds short; the wait is that pause. An event set when work arrives (persist-queue's
// `put_event`, set by `put()`; pyflow's `isFinishedEvent`, set when a task ends) makes the same loop a poll for that
// work: its wait is a poll tick, a bounded wait (README "Poll ticks"); so does a loop its body leaves. The loop's own
// condition does not test the event (that loop is the event's poll, above).
function clearedEachRound(statement: TsNode, quoted: string): boolean {
  for (let node = statement.parent; node; node = node.parent) {
    if (node.type === "function_definition" || node.type === "class_definition") return false;
    if (node.type === "while_statement")
      return (
        clears(node.childForFieldName("body"), quoted) &&
        !leftFromBody(node) &&
        setToStop(statement.tree.rootNode, quoted)
      );
  }
  return false;
}

// A loop its body leaves (`break`, `return`, outside functions defined in it): it ends when what it waits for comes
// (stem's event loop breaks once the controller is closed, persist-queue's `get` returns the item), so its wait is a
// poll tick; a serve loop ends only through its condition (`while self.run:`).
function leftFromBody(loop: TsNode): boolean {
  // Each node with whether it sits in a loop inside this one, whose `break` leaves only that loop.
  const stack: [TsNode, boolean][] = (loop.childForFieldName("body")?.namedChildren ?? []).flatMap((c) =>
    c ? [[c, false] as [TsNode, boolean]] : [],
  );
  while (stack.length > 0) {
    const [node, inner] = stack.pop()!;
    if (node.type === "function_definition" || node.type === "class_definition" || node.type === "lambda") continue;
    if (node.type === "return_statement" || (node.type === "break_statement" && !inner)) return true;
    const nested = inner || node.type === "while_statement" || node.type === "for_statement";
    for (const child of node.namedChildren) if (child) stack.push([child, nested]);
  }
  return false;
}

// A function's name that says it stops the work (`shutdown`, `stop`, `close`, `terminate`).
const STOPS = /^_*(shutdown|stop|close|terminate|quit|exit|halt|cancel|kill)/i;

// A function of the file that sets the event (`<receiver>.set()`) stops the work (others may set it to wake the loop
// early, as ceph's `config_notify`).
function setToStop(root: TsNode, quoted: string): boolean {
  const sets = new RegExp(`(^|[^\\w.])${quoted}\\.set\\(\\)`);
  if (!sets.test(root.text)) return false;
  const setters = root.descendantsOfType("function_definition").filter((fn) => fn !== null && sets.test(fn.text));
  // A nested function's setter is counted with the innermost function that holds the call.
  const innermost = setters.filter(
    (fn) =>
      !setters.some(
        (other) => other!.id !== fn!.id && fn!.startIndex <= other!.startIndex && other!.endIndex <= fn!.endIndex,
      ),
  );
  return innermost.some((fn) => STOPS.test(fn!.childForFieldName("name")?.text ?? ""));
}

// Whether `node` holds a statement `<receiver>.clear()`.
function clears(node: TsNode | null, quoted: string): boolean {
  return !!node && new RegExp(`^[ \\t]*${quoted}\\.clear\\(\\)[ \\t]*$`, "m").test(node.text);
}

// The statements of a loop body, besides `skip`, do something: a call that is not logging or printing.
function doesWork(body: TsNode | null, skip?: TsNode): boolean {
  if (!body) return false;
  const stack: TsNode[] = body.namedChildren.filter((c): c is TsNode => c !== null && c.id !== skip?.id);
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "expression_statement": {
        const expression = node.namedChildren[0];
        const call = expression?.type === "await" ? expression.namedChildren[0] : expression;
        if (call?.type === "call" && !LOGGING.test(call.childForFieldName("function")?.text ?? "")) return true;
        break;
      }
      case "function_definition":
      case "class_definition":
        break;
      default:
        // Into blocks and compound statements (`with`, `if`, `try`), not into conditions: a test is no work.
        for (const child of node.namedChildren)
          if (child && (child.type === "block" || child.type.endsWith("_clause") || child.type.endsWith("_statement")))
            stack.push(child);
    }
  }
  return false;
}
const LOGGING = /(^|\.)(print|debug|info|warning|warn|error|exception|critical|log|write|flush)$/;

// A block that only leaves the loop or the function: `break`, `return`, `raise`.
function onlyLeaves(block: TsNode | null): boolean {
  const statements = block?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
  return (
    statements.length > 0 &&
    statements.every(
      (s) => s!.type === "break_statement" || s!.type === "return_statement" || s!.type === "raise_statement",
    )
  );
}

function skipParentheses(node: TsNode | null): TsNode | null {
  let current = node;
  while (current?.type === "parenthesized_expression") current = current.parent;
  return current;
}

// `view.wait(jobs, timeout=0.5)`: an Event's or a Condition's `wait` takes the timeout alone;
// a wait handed something else as well waits for that (ipyparallel's jobs, futures), not a stoppable sleep.
function waitsForWhatItIsHanded(call: TsNode): boolean {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  return args.filter((a) => a !== null && a.type !== "comment").length >= 2;
}
