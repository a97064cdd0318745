// GUI MAIN-LOOP CALLBACKS that end nothing (session 19, guard-pyprec19; session 23, guard-pyprec23): a debounce, a
// refresh period, how long something stays shown. GLib names a source's callback `<what>_timeout_cb`, so what its body
// does decides, with the file's functions it calls or hands on judged by their own bodies. The words that say a callback
// ends, fails or gives up on something live here too: the schedule rule (schedules.ts) asks them of every timer.
import type { Node as TsNode } from "web-tree-sitter";
import { callbackTarget, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";

/**
 * Words of a callback that ends, fails or gives up on something: the delay is then a deadline (Twisted's pool closes an
 * idle cached connection with `transport.loseConnection()` when the timer fires: a keep-alive timeout).
 */
const ENDS =
  /^(timeout|timeouts|timedout|expire|expired|expiry|cancel|cancelled|canceled|abort|kill|terminate|sigterm|sigkill|fail|failed|failure|close|stop|interrupt|death|error|alarm|watchdog|quit|exit|shutdown|disconnect|giveup|lose|drop|destroy|hangup|exception|throw|reject)$/;

// A main-loop callback the file defines whose every definition ends, fails and gives up on nothing: it raises nothing
// of its own (a bare `raise` passes on what its work raised), and no call, name or string in it (or in the file's
// functions it calls, at any depth) says cancel, close, stop, fail, error, quit, reject, SIGTERM or timed out, outside
// logging calls and the exception types it catches. Its name says none of that either, but for GLib's `timeout`/`timer`
// before `_cb`. A call the file does not define is judged by its name and arguments only (known loss: a library method
// named for what it applies, `self._session.apply(req)`, may still end the operation).
export function endsNothing(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  const name = target?.type === "attribute" ? target.childForFieldName("attribute")?.text : target?.text;
  if (!target || !name || !/^\w+$/.test(name)) return false;
  if (endsSomething(/_?cb$/i.test(name) ? name.replace(/_?time(out|r)(?=_)/gi, "") : name)) return false;
  const definitions = definitionsFor(target);
  return definitions.length > 0 && definitions.every(quietDefinition);
}

// `quiet` of a definition and of the file's functions it calls, each definition judged once per tree (n calls to one
// n-statement helper cost the helper's size once). A definition met again while it is judged (recursion: a callback
// that re-arms itself with `self.refresh`) is judged by its name meanwhile: `refresh` adds nothing, a `cancel` or
// `stop` that calls itself ends something.
function quietDefinition(fn: TsNode): boolean {
  return remembered(fn, "quiet", quiet, !endsSomething(fn.childForFieldName("name")?.text ?? "cancel"));
}

function quiet(fn: TsNode): boolean {
  const body = fn.childForFieldName("body");
  if (!body || body.descendantsOfType("raise_statement").some((raise) => raise!.namedChildCount > 0)) return false;
  if (saysEnding(body)) return false;
  const called = new Set<TsNode>();
  for (const inner of body.descendantsOfType("call")) {
    const callee = inner!.childForFieldName("function");
    for (const definition of callee ? definitionsFor(callee) : []) called.add(definition);
  }
  for (const name of body.descendantsOfType("identifier"))
    if (ownFunction(name!)) for (const definition of definitionsFor(reference(name!))) called.add(definition);
  return [...called].every(quietDefinition);
}

/**
 * Whether a function body SAYS it ends something: a call, name or string in it (outside logging calls, docstrings and the
 * exception types it catches) says cancel, close, stop, fail, error, quit, reject, SIGTERM or timed out. The file's own
 * functions it names are not read here: the caller judges them by their bodies.
 */
export function saysEnding(node: TsNode): boolean {
  if (node.type === "call" && isLoggingCall(node)) return false;
  // A docstring (any bare string statement) says what the code is for, not what it does.
  if (node.type === "expression_statement" && node.namedChildren.every((part) => part?.type === "string")) return false;
  if (node.type === "except_clause")
    return node.namedChildren.some((part) => part?.type === "block" && saysEnding(part));
  // A function the file defines is judged by its body (`quiet`, with the definitions of every name it calls or hands
  // on), not by its name: `self._cancel_autohide_timeout()` removes the timer's own source, `self.stop()` stops a
  // progress bar's pulse, `flip_action.keyup_callback = _exit_mode_late_keyup_cb` installs a handler that pops a
  // mode. Only `self.m` and a bare name reach the file's functions: `self._cancellable.cancel()` or
  // `self.proc.kill()` is another object's method and keeps the word test, whatever the file defines by that name.
  // A definition's own name is a label; its body is read with the rest.
  if (node.type === "identifier" && (ownFunction(node) || definedName(node))) return false;
  if (node.type === "identifier" && endsSomething(isValue(node) ? node.text : node.text.replace(/time_?outs?/gi, "")))
    return true;
  // GLib's signal names are hyphenated (`self.emit("timed-out")`).
  if (node.type === "string_content" && endsSomething(node.text.replace(/-/g, "_"))) return true;
  return node.namedChildren.some((child) => child !== null && saysEnding(child));
}

// `stop` in `self.stop()`, `handler` in `x.callback = handler`: a name (or `self`'s attribute) that reaches a function
// the file defines (`definitionsFor`), read here as a call or a reference, not where it is defined.
function ownFunction(identifier: TsNode): boolean {
  const parent = identifier.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id !== identifier.id) return false;
  return !definedName(identifier) && definitionsFor(reference(identifier)).length > 0;
}

// The reference an identifier is the name of: `self.stop` for its `stop`, the identifier itself otherwise.
function reference(identifier: TsNode): TsNode {
  const parent = identifier.parent;
  return parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === identifier.id
    ? parent
    : identifier;
}

// The name of a function definition, as written at its `def`.
function definedName(identifier: TsNode): boolean {
  const parent = identifier.parent;
  return parent?.type === "function_definition" && parent.childForFieldName("name")?.id === identifier.id;
}

// `State.TIMEOUT`, `Status.TIMED_OUT`: a member of a class or enum, a value that says time-out, not a source's id such
// as `self._timeout_sid` (whose `timeout` is stripped before the word test).
function isValue(identifier: TsNode): boolean {
  const parent = identifier.parent;
  return (
    parent?.type === "attribute" &&
    parent.childForFieldName("attribute")?.id === identifier.id &&
    /^[A-Z]/.test(parent.childForFieldName("object")?.text.split(".").at(-1) ?? "") &&
    /^_*time_?d?_?outs?$/i.test(identifier.text)
  );
}

// `_on_timed_out`, `handle_timeout`, `fut.cancel`: a name that ends, fails or gives up on something.
export function endsSomething(name: string): boolean {
  return /timed_?out/i.test(name) || words(name).some((word) => ENDS.test(word));
}

// `disableTimedRichRule` -> disable, timed, rich, rule; `_gc_collect` -> gc, collect; `connect2` -> connect;
// `PPPConnect` -> ppp, connect (an acronym ends where a capitalised word starts).
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .split(/[_\W\d]+/)
    .filter(Boolean);
}
