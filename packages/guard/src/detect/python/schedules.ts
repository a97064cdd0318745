// Durations handed to a TIMER SCHEDULE: how long until a callback runs (`GLib.timeout_add_seconds(gc_timeout,
// gc_collect)`, `loop.call_later(self.reconnect_timeout, self.connect)`, `QTimer.singleShot(timeout * 1000,
// self.clearLocate)`). Nothing blocks on a schedule; what the delay means is what its callback does. A callback that
// ends or fails an operation when it fires (`call_later(timeout, fut.cancel)`, `Timer(timeout, kill_proc)`,
// `callLater(t, self._on_timeout)`) makes the delay a deadline; one that only starts something again, or collects,
// clears, removes or refreshes something, makes it a period, a delay before the next try or a lifetime. Judged by what
// the callback does: the file's own definition of it must show it (a callback defined in another module or a library
// is unknown, and the delay stays reported); its name must not say otherwise (JavaScript's `onlyRetries` in
// callback-effects.ts asks the same of `setTimeout` callbacks).
import type { Node as TsNode, Tree } from "web-tree-sitter";
import { unwrap } from "./syntax.ts";

/**
 * The schedulers whose first argument is the delay (or period) and whose second is the callback: asyncio's
 * `call_later`, Twisted's `callLater`, GLib's/GObject's `timeout_add` and `timeout_add_seconds`, Qt's
 * `QTimer.singleShot`, wxPython's `CallLater`, `threading.Timer`. (Tk's `after` is left out: too common a method name.)
 */
const SCHEDULERS = /^(call_later|callLater|timeout_add|timeout_add_seconds|singleShot|CallLater|Timer)$/;

/**
 * The GUI main loops' schedulers (GLib's/GObject's `timeout_add` and `timeout_add_seconds`, Qt's `singleShot`,
 * wxPython's `CallLater`): a widget's debounce (`GLib.timeout_add(_APPLY_TIMEOUT, self.__timeout_cb)` re-armed on
 * each edit, then applying the settings), a refresh period or how long something stays shown. There the callback's
 * name may say anything (GLib names a source's callback `<what>_timeout_cb`), so what its body does decides
 * (`endsNothing`). asyncio's, Twisted's and threading's timers mostly bound protocol steps and keep the stricter test.
 */
const MAIN_LOOP = /^(timeout_add|timeout_add_seconds|singleShot|CallLater)$/;

/** Words of a callback that starts something again or tidies up after a period or a lifetime. */
const AGAIN_OR_TIDY = new Set([
  "connect",
  "reconnect",
  "retry",
  "restart",
  "start",
  "open",
  "subscribe",
  "login",
  "attempt",
  "init",
  "collect",
  "gc",
  "clear",
  "remove",
  "disable",
  "purge",
  "prune",
  "cleanup",
  "clean",
  "evict",
  "delete",
  "hide",
  "dismiss",
  "refresh",
  "flush",
  "writeback",
  "redraw",
  "repaint",
]);

/**
 * Words of a callback that ends, fails or gives up on something: the delay is then a deadline (Twisted's pool closes an
 * idle cached connection with `transport.loseConnection()` when the timer fires: a keep-alive timeout).
 */
const ENDS =
  /^(timeout|timeouts|timedout|expire|expired|expiry|cancel|cancelled|canceled|abort|kill|terminate|sigterm|sigkill|fail|failed|failure|close|stop|interrupt|death|error|alarm|watchdog|quit|exit|shutdown|disconnect|giveup|lose|drop|destroy|hangup|exception|throw|reject)$/;

/**
 * Whether `read` (the value, seen through its unit conversion) is the delay of a timer schedule whose callback only
 * starts something again or tidies up: the read is the scheduler call's first positional argument.
 */
export function scheduledDelay(read: TsNode): boolean {
  const list = read.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildren[0]?.id !== read.id) return false;
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  if (!SCHEDULERS.test(method ?? "")) return false;
  const callback = list!.namedChildren[1];
  if (callback === null || callback === undefined || callback.type === "keyword_argument") return false;
  return onlyAgainOrTidy(callback) || (MAIN_LOOP.test(method ?? "") && endsNothing(callback));
}

// `self.connect`, `gc_collect`, `lambda: self.clearLocate()`: the callback's name, or the one call a lambda makes.
function callbackTarget(callback: TsNode): TsNode | undefined {
  const target = unwrap(callback);
  if (target.type !== "lambda") return target;
  const body = target.childForFieldName("body");
  return body?.type === "call" ? (body.childForFieldName("function") ?? undefined) : undefined;
}

// `self.connect`, `gc_collect`, `lambda: self.clearLocate()`: the callback's name, or the one call a lambda makes. The
// name alone decides nothing: the file must define the callback, and every definition of it must show what it does.
// A callback defined elsewhere (a base class in another module, a library) is unknown, so the delay stays reported.
function onlyAgainOrTidy(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  if (!target) return false;
  const name = target.type === "attribute" ? target.childForFieldName("attribute")?.text : target.text;
  if (!name || !/^\w+$/.test(name) || !saysAgainOrTidy(name)) return false;
  const definitions = definitionsOf(target.tree, name);
  return definitions.length > 0 && definitions.every((fn) => remembered(fn, "again", startsAgainOrTidies));
}

// A main-loop callback the file defines whose every definition ends, fails and gives up on nothing: it raises nothing
// of its own (a bare `raise` passes on what its work raised), and no call, name or string in it (or in the file's
// functions it calls, at any depth) says cancel, close, stop, fail, error, quit, reject, SIGTERM or timed out, outside
// logging calls and the exception types it catches. Its name says none of that either, but for GLib's `timeout`/`timer`
// before `_cb`. A call the file does not define is judged by its name and arguments only (known loss: a library method
// named for what it applies, `self._session.apply(req)`, may still end the operation).
function endsNothing(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  const name = target?.type === "attribute" ? target.childForFieldName("attribute")?.text : target?.text;
  if (!target || !name || !/^\w+$/.test(name)) return false;
  if (endsSomething(/_?cb$/i.test(name) ? name.replace(/_?time(out|r)(?=_)/gi, "") : name)) return false;
  const definitions = definitionsOf(target.tree, name);
  return definitions.length > 0 && definitions.every(quietDefinition);
}

// `quiet` of a definition and of the file's functions it calls, each definition judged once per tree (n calls to one
// n-statement helper cost the helper's size once). A definition met again while it is judged (recursion) adds
// nothing: its own words are judged where it was entered.
function quietDefinition(fn: TsNode): boolean {
  return remembered(fn, "quiet", quiet, true);
}

function quiet(fn: TsNode): boolean {
  const body = fn.childForFieldName("body");
  if (!body || body.descendantsOfType("raise_statement").some((raise) => raise!.namedChildCount > 0)) return false;
  const said = (node: TsNode): boolean => {
    if (
      node.type === "call" &&
      LOGGER.test(node.childForFieldName("function")?.childForFieldName("object")?.text ?? "")
    )
      return false;
    if (node.type === "except_clause") return node.namedChildren.some((part) => part?.type === "block" && said(part));
    if (node.type === "identifier" && endsSomething(isValue(node) ? node.text : node.text.replace(/time_?outs?/gi, "")))
      return true;
    // GLib's signal names are hyphenated (`self.emit("timed-out")`).
    if (node.type === "string_content" && endsSomething(node.text.replace(/-/g, "_"))) return true;
    return node.namedChildren.some((child) => child !== null && said(child));
  };
  if (said(body)) return false;
  const called = new Set(body.descendantsOfType("call").map((inner) => calledName(inner!)));
  return [...called].every((name) => !/^\w+$/.test(name) || definitionsOf(fn.tree, name).every(quietDefinition));
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

/** A logging call's receiver: `logging`, `log`, `logger`, `self._log`, `LOG`. */
const LOGGER = /(^|\.)_*(logging|log|logger)$/i;

// What a definition does, worked out once per parsed tree: n timers armed with one callback (or with callbacks that
// all call one function that arms a timer) cost the definitions' sizes once, not n times.
const JUDGED = new WeakMap<Tree, Map<string, boolean>>();

// `meanwhile`: the answer a recursive question gets for a definition it meets again while judging it.
function remembered(fn: TsNode, question: string, judge: (fn: TsNode) => boolean, meanwhile?: boolean): boolean {
  let byNode = JUDGED.get(fn.tree);
  if (!byNode) JUDGED.set(fn.tree, (byNode = new Map()));
  const key = `${question} ${fn.id}`;
  let answer = byNode.get(key);
  if (answer === undefined) {
    if (meanwhile !== undefined) byNode.set(key, meanwhile);
    byNode.set(key, (answer = judge(fn)));
  }
  return answer;
}

/**
 * What a callback's body does, as evidence: it ends or fails nothing (no `raise`, no call such as `set_exception`,
 * `cancel`, `kill`, `close`, `loseConnection`), and it does one of: arms the timer again (itself, or through a function
 * of the file that arms one: `_retry` -> `self.send`), calls a start/connect/retry entry point, removes or clears
 * something (`pop`, `discard`, `remove_rule`, `gc.collect()`, `del d[k]`, `self.item = None`).
 */
function startsAgainOrTidies(fn: TsNode): boolean {
  const body = fn.childForFieldName("body");
  if (!body || body.descendantsOfType("raise_statement").length > 0) return false;
  const called = body.descendantsOfType("call").map((inner) => calledName(inner!));
  if (called.some((name) => !SCHEDULERS.test(name) && endsSomething(name))) return false;
  return (
    called.some((name) => SCHEDULERS.test(name) || saysAgainOrTidy(name) || REMOVES.test(name)) ||
    called.some(
      (name) =>
        /^\w+$/.test(name) && definitionsOf(fn.tree, name).some((called) => remembered(called, "arms", armsTimer)),
    ) ||
    body.descendantsOfType("delete_statement").length > 0 ||
    body
      .descendantsOfType("assignment")
      .some(
        (set) =>
          set?.childForFieldName("left")?.type === "attribute" && set.childForFieldName("right")?.type === "none",
      )
  );
}

/** Removals from a collection, whatever the collection's name, and the event loop's connect entry points. */
const REMOVES = /^(pop|popitem|popleft|discard|create_connection|open_connection)$/;

function armsTimer(fn: TsNode): boolean {
  return fn.descendantsOfType("call").some((inner) => SCHEDULERS.test(calledName(inner!)));
}

// `self.fw.zone.remove_rule(...)` -> remove_rule; `gc_collect()` -> gc_collect; anything else -> "".
function calledName(call: TsNode): string {
  const f = call.childForFieldName("function");
  return (f?.type === "attribute" ? f.childForFieldName("attribute")?.text : f?.text) ?? "";
}

// The file's function definitions by name, collected once per parsed tree (a file may arm many timers).
const DEFINITIONS = new WeakMap<Tree, Map<string, TsNode[]>>();

function definitionsOf(tree: Tree, name: string): TsNode[] {
  let byName = DEFINITIONS.get(tree);
  if (!byName) {
    byName = new Map();
    for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
      const own = fn?.childForFieldName("name")?.text;
      if (fn && own) byName.set(own, [...(byName.get(own) ?? []), fn]);
    }
    DEFINITIONS.set(tree, byName);
  }
  return byName.get(name) ?? [];
}

function saysAgainOrTidy(name: string): boolean {
  const parts = words(name);
  return parts.some((word) => AGAIN_OR_TIDY.has(word)) && !endsSomething(name);
}

// `_on_timed_out`, `handle_timeout`, `fut.cancel`: a name that ends, fails or gives up on something.
function endsSomething(name: string): boolean {
  return /timed_?out/i.test(name) || words(name).some((word) => ENDS.test(word));
}

// `disableTimedRichRule` -> disable, timed, rich, rule; `_gc_collect` -> gc, collect; `connect2` -> connect.
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[_\W\d]+/)
    .filter(Boolean);
}
