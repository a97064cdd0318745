// A literal delay handed to a TIMER SCHEDULE whose callback GIVES UP (session 24, guard-rec24): pitivi's
// `GLib.timeout_add_seconds(10, timeout_cb)` where `timeout_cb` prints "Pipeline timed out" and `sys.exit(1)`s, dbus'
// tests' `GLib.timeout_add(1000, _timeout_handler)` whose handler quits the main loop the test runs. The schedule rule
// (schedules.ts) judges a delay that has a name; a bare number there was reported by nothing. The main loop's `run()`
// is the wait, so a callback that leaves it or the process (`loop.quit()`, `Gtk.main_quit()`, `sys.exit(1)`,
// `os._exit(1)`) ends the wait when it fires: the delay is its deadline. Only the callback's own body, as the file
// defines it, counts, and none of its definitions may ask to run again (GLib repeats a source whose callback returns
// True: a period). A cancel, a kill, a raise or a call into the file's other functions is not enough: fresh34-45 show
// GUI debounces that cancel the previous search, a scheduled kill of an overstaying process, a test service's scripted
// error reply and UI setup deferred into functions that exit on some path deep inside.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyCallJudge } from "./calls.ts";
import { calledName, callbackTarget, definitionsFor, remembered } from "./file-functions.ts";
import { isLoggingCall } from "./logged.ts";
import { SCHEDULERS } from "./schedules.ts";
import { positionalArguments } from "./syntax.ts";

/** The calls that give up on what the program waits for: leave the main loop or the process. */
const GIVES_UP = /^(quit|main_quit|exit|_exit)$/;

/**
 * `timeout_add_seconds(10, timeout_cb)`, `loop.call_later(5.0, self._give_up)`: reports the delay, written as a number
 * (or arithmetic of numbers), when every definition of the callback in the file gives up.
 */
export function judgeScheduledDeadline(judge: PyCallJudge, args: TsNode, written: string): void {
  const method = written.slice(written.lastIndexOf(".") + 1);
  if (!SCHEDULERS.test(method)) return;
  const [delay, callback] = positionalArguments(args);
  if (!delay || !callback || delay.descendantsOfType("identifier").length > 0 || delay.type === "identifier") return;
  if ((judge.facts.evaluate(delay) ?? 0) <= 0) return;
  const target = callbackTarget(callback);
  if (!target || (target.type !== "identifier" && target.type !== "attribute")) return;
  const definitions = definitionsFor(target);
  if (definitions.length === 0 || !definitions.every((fn) => remembered(fn, "gives up", givesUp, false))) return;
  judge.report(delay, `as the delay of ${written}() whose callback gives up when it fires (a deadline)`, false);
}

// A definition that gives up: a call (outside logging) in its own body that quits the main loop or exits, and no
// `return True` (a repeating source).
function givesUp(fn: TsNode): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  if (body.descendantsOfType("return_statement").some((ret) => ret!.namedChildren[0]?.text === "True")) return false;
  return body.descendantsOfType("call").some((inner) => !isLoggingCall(inner!) && GIVES_UP.test(calledName(inner!)));
}
