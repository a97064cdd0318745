// Durations handed to a TIMER SCHEDULE: how long until a callback runs (`GLib.timeout_add_seconds(gc_timeout,
// gc_collect)`, `loop.call_later(self.reconnect_timeout, self.connect)`, `QTimer.singleShot(timeout * 1000,
// self.clearLocate)`). Nothing blocks on a schedule; what the delay means is what its callback does. A callback that
// ends or fails an operation when it fires (`call_later(timeout, fut.cancel)`, `Timer(timeout, kill_proc)`,
// `callLater(t, self._on_timeout)`) makes the delay a deadline; one that only starts something again, or collects,
// clears, removes or refreshes something, makes it a period, a delay before the next try or a lifetime. Judged by what
// the callback does: the file's own definition of it must show it (a callback defined in another module or a library
// is unknown, and the delay stays reported); its name must not say otherwise (JavaScript's `onlyRetries` in
// callback-effects.ts asks the same of `setTimeout` callbacks).
import type { Node as TsNode } from "web-tree-sitter";
import { calledName, callbackTarget, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";
import { endsNothing, endsSomething, words } from "./main-loop-callbacks.ts";
import { onlySetsShown } from "./shown-timers.ts";
import { positionalArguments } from "./syntax.ts";

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
 * Whether `read` (the value, seen through its unit conversion) is the delay of a timer schedule whose callback only
 * starts something again, tidies up or sets what is shown (`shown-timers.ts`): the read is the scheduler call's first
 * positional argument.
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
  return (
    (MILLISECOND_MAIN_LOOP.test(method ?? "") && frameSized(read)) ||
    onlyAgainOrTidy(callback) ||
    (MAIN_LOOP.test(method ?? "") && endsNothing(callback)) ||
    onlySetsShown(callback) ||
    (REPEATING.test(method ?? "") && repeats(callback))
  );
}

/** The GUI main loops' schedulers that count in milliseconds (GLib's `timeout_add`, Qt's `singleShot`, wx's `CallLater`). */
const MILLISECOND_MAIN_LOOP = /^(timeout_add|singleShot|CallLater)$/;

/**
 * A literal delay of at most 50 ms on a GUI main loop: the next turn of the loop or an animation frame (solfege's
 * `GObject.timeout_add(1, start_gui, datadir)` that starts the GUI once the loop runs, a fade's `timeout_add(10, step)`,
 * a dwell's `timeout_add(50, ...)`), a pace the eye cannot tell from now, never a bound anyone waits out.
 */
function frameSized(read: TsNode): boolean {
  return read.type === "integer" && Number(read.text) <= 50;
}

/** GLib's sources that call their callback again for as long as it returns a true value. */
const REPEATING = /^(timeout_add|timeout_add_seconds)$/;

/**
 * A GLib source's callback that asks to be called again: every definition the file has of it ends its body with
 * `return <value>` that is not a false literal (`return True`, `return self.UPDATE`; an early `return` that switches the
 * source off is its stop). The source's interval is then a period, the pacing between rounds (README "Poll ticks"), not
 * the bound of a wait, whatever a round does.
 */
function repeats(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  const definitions = target ? definitionsFor(target) : [];
  return (
    definitions.length > 0 &&
    definitions.every((fn) => {
      const last = fn
        .childForFieldName("body")
        ?.namedChildren.filter((statement) => statement !== null && statement.type !== "comment")
        .at(-1);
      const value = last?.type === "return_statement" ? last.firstNamedChild : null;
      return value !== null && value !== undefined && !/^(False|None|0)$/.test(value.text);
    })
  );
}

// `self.connect`, `gc_collect`, `lambda: self.clearLocate()`: the callback's name, or the one call a lambda makes. The
// name alone decides nothing: the file must define the callback, and every definition of it must show what it does.
// A callback defined elsewhere (a base class in another module, a library) is unknown, so the delay stays reported.
function onlyAgainOrTidy(callback: TsNode): boolean {
  const target = callbackTarget(callback);
  if (!target) return false;
  const name = target.type === "attribute" ? target.childForFieldName("attribute")?.text : target.text;
  if (!name || !/^\w+$/.test(name) || !saysAgainOrTidy(name)) return false;
  const definitions = definitionsFor(target);
  return definitions.length > 0 && definitions.every((fn) => remembered(fn, "again", startsAgainOrTidies));
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
  const calls = body.descendantsOfType("call");
  const called = calls.map((inner) => calledName(inner!));
  if (called.some((name) => !SCHEDULERS.test(name) && endsSomething(name))) return false;
  return (
    called.some((name) => SCHEDULERS.test(name) || saysAgainOrTidy(name) || REMOVES.test(name)) ||
    calls.some((inner) => {
      const callee = inner!.childForFieldName("function");
      return callee !== null && definitionsFor(callee).some((own) => remembered(own, "arms", armsTimer));
    }) ||
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

function saysAgainOrTidy(name: string): boolean {
  const parts = words(name);
  return parts.some((word) => AGAIN_OR_TIDY.has(word)) && !endsSomething(name);
}

// A literal delay handed to a TIMER SCHEDULE whose callback GIVES UP (session 24, guard-rec24): pitivi's
// `GLib.timeout_add_seconds(10, timeout_cb)` where `timeout_cb` prints "Pipeline timed out" and `sys.exit(1)`s, dbus'
// tests' `GLib.timeout_add(1000, _timeout_handler)` whose handler quits the main loop the test runs. The schedule rule
// above judges a delay that has a name; a bare number there was reported by nothing. The main loop's `run()`
// is the wait, so a callback that leaves it or the process (`loop.quit()`, `Gtk.main_quit()`, `sys.exit(1)`,
// `os._exit(1)`) ends the wait when it fires: the delay is its deadline. Only the callback's own body, as the file
// defines it, counts, and none of its definitions may ask to run again (GLib repeats a source whose callback returns
// True: a period). A cancel, a kill, a raise or a call into the file's other functions is not enough: fresh34-45 show
// GUI debounces that cancel the previous search, a scheduled kill of an overstaying process, a test service's scripted
// error reply and UI setup deferred into functions that exit on some path deep inside.
export function scheduledDeadline(args: TsNode, method: string, evaluate: (n: TsNode) => number | undefined) {
  const [delay, callback] = SCHEDULERS.test(method) ? positionalArguments(args) : [];
  if (!delay || !callback || delay.type === "identifier" || delay.descendantsOfType("identifier").length > 0) return;
  if (MILLISECOND_MAIN_LOOP.test(method) && frameSized(delay)) return;
  const target = (evaluate(delay) ?? 0) > 0 ? callbackTarget(callback) : undefined;
  const definitions = target?.type === "identifier" || target?.type === "attribute" ? definitionsFor(target) : [];
  return definitions.length > 0 && definitions.every((fn) => remembered(fn, "quits", quits)) ? delay : undefined;
}

// A definition whose own body quits the main loop or exits (outside logging calls) and never returns True (a
// repeating source).
function quits(fn: TsNode): boolean {
  const body = fn.childForFieldName("body")!;
  if (body.descendantsOfType("return_statement").some((ret) => ret!.namedChildren[0]?.text === "True")) return false;
  return body
    .descendantsOfType("call")
    .some((c) => !isLoggingCall(c!) && /^(quit|main_quit|exit|_exit)$/.test(calledName(c!)));
}

/**
 * Whether `fn` is the callback of a GUI main-loop timer the file arms (`GLib.timeout_add(ms, self.status_clear)`) and
 * ends nothing (`endsNothing`): what it compares or clears is how long something stays shown.
 */
export function quietMainLoopCallback(fn: TsNode): boolean {
  return remembered(fn, "main-loop callback", (own) =>
    own.tree.rootNode.descendantsOfType("call").some((call) => {
      if (!MAIN_LOOP.test(calledName(call!))) return false;
      const callback = call!.childForFieldName("arguments")?.namedChildren[1];
      if (!callback || callback.type === "keyword_argument") return false;
      const target = callbackTarget(callback);
      return target !== undefined && definitionsFor(target).some((d) => d.id === own.id) && endsNothing(callback);
    }),
  );
}
