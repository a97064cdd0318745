// A value handed to a timeout parameter of a call: by its keyword (`wait(timeout=5)`) or, where the package's own
// definitions take a timeout at that place, positionally (`self.wait_for_status(id, "ACTIVE", "cluster", 120)`).
import { QUIET_PERIOD_FUNCTION } from "../../name-kinds.ts";
import type { Node as TsNode } from "web-tree-sitter";
import { bindsNothing, knowsTimeoutKeyword, type PyCallJudge } from "./calls.ts";
import { isScanLength } from "./scan-lengths.ts";
import { isCacheLifetime } from "./context.ts";
import { displayParameter } from "./display-parameters.ts";
import { displayedFor } from "./displays.ts";
import { measuringWindow } from "./measured.ts";
import { noneIsForever } from "./none-keywords.ts";
import { ownClassReceiver, ownObjectReceiver } from "./own-receivers.ts";
import { ownFunctionWaitsWith } from "./own-waiters.ts";
import { ownCallee } from "./package-callees.ts";
import { addends, keywordArgument, referenceName, unwrap } from "./syntax.ts";

/** A `name=value` argument of a call whose name is a timeout's (or a retry or timeout policy's `deadline=`). */
export function judgeKeywordArgument(judge: PyCallJudge, node: TsNode): void {
  const name = node.childForFieldName("name")?.text;
  const value = node.childForFieldName("value");
  // `retry.Retry(..., deadline=10.0)`, `Timeout(deadline=60)`: a retry or timeout policy's deadline bounds
  // the total wait of every attempt (elsewhere a `deadline=` may be a point in time, trio's `CancelScope`).
  const policyDeadline = name === "deadline";
  const call = node.parent?.parent;
  const written = calleeOf(call);
  // `self.wait_for_error_message(sec=90)`: the package's own method takes `sec` where it takes a timeout (its body
  // hands it to `WebDriverWait(self.driver, sec)`), as `self.wait_for_error_message(90)` would.
  const slot =
    !policyDeadline && name !== undefined && !judge.facts.isTimeout(name) && ownSlot(judge, call, written, name);
  if ((!policyDeadline && !slot && !judge.facts.isTimeout(name)) || !value) return;
  // `Enum(BitsInteger(8), IDLE=0, ..., TIME_OUT=9, SPARE=10)` (construct): members of an enum, codes.
  if (node.parent && judge.facts.isCodeTable(node.parent)) return;
  if (policyDeadline && !/(Retry|Timeout)$/.test(written)) return;
  judgeTimeoutArgument(judge, call?.type === "call" ? call : undefined, written, name, value, `in ${name}=`);
}

/**
 * The positional arguments of a call that sit where every definition of the callee in the package takes a timeout
 * (`PythonFacts.positions`): judged as that parameter's keyword would be. Without package facts nothing is read.
 */
export function judgePositionalTimeouts(judge: PyCallJudge, call: TsNode, args: TsNode, written: string): void {
  const positions = judge.facts.options.python?.positions;
  if (!positions) return;
  const dot = written.lastIndexOf(".");
  const method = written.slice(dot + 1);
  const slots = Object.hasOwn(positions, method) ? positions[method] : undefined;
  // `self._connection.GetResponse(id, body, 30)` on an object of the file's own class: the package's method too.
  if (
    !slots ||
    !(ownCallee(judge.facts, written) || ownObjectReceiver(judge.facts, call) || ownClassReceiver(judge.facts, call))
  )
    return;
  let index = 0;
  for (const argument of args.namedChildren) {
    if (!argument || argument.type === "comment" || argument.type === "keyword_argument") continue;
    // `f(*args, 5)`: the places after a splat are unknown.
    if (argument.type.endsWith("splat")) return;
    const parameter = Object.hasOwn(slots, index) ? slots[index] : undefined;
    index++;
    if (parameter !== undefined)
      judgeTimeoutArgument(judge, call, written, parameter, argument, `as ${parameter} of ${written}()`);
  }
}

/** `name` is a parameter the package's own callee takes where every definition of it takes a timeout. */
function ownSlot(judge: PyCallJudge, call: TsNode | null | undefined, written: string, name: string): boolean {
  const positions = judge.facts.options.python?.positions;
  const method = written.slice(written.lastIndexOf(".") + 1);
  const slots = positions && Object.hasOwn(positions, method) ? positions[method] : undefined;
  if (!slots || call?.type !== "call" || !Object.values(slots).includes(name)) return false;
  return ownCallee(judge.facts, written) || ownObjectReceiver(judge.facts, call) || ownClassReceiver(judge.facts, call);
}

function calleeOf(call: TsNode | null | undefined): string {
  const callee = call?.type === "call" ? call.childForFieldName("function") : null;
  return callee ? callee.text.replace(/\s+/g, "") : "";
}

// What the call does with a value handed to its timeout parameter `name`: nothing (a double, a cache lifetime, a
// message's display time, a pause, a loop's pacing wait), a wait without limit, or a wait with the value's bound.
function judgeTimeoutArgument(
  judge: PyCallJudge,
  call: TsNode | undefined,
  written: string,
  name: string,
  value: TsNode,
  where: string,
): void {
  const { facts } = judge;
  // `client_pause(timeout=1)`: how long to pause, not a deadline; `throttled(on_change, timeout=50)`: a quiet period.
  if (
    /(pause|sleep|delay)\w*$/i.test(written) ||
    QUIET_PERIOD_FUNCTION.test(written.slice(written.lastIndexOf(".") + 1))
  )
    return;
  const path = facts.resolve(written);
  // `BleakScanner.discover(timeout=10)`: how long to scan, then what was seen is returned (scan-lengths.ts).
  if (isScanLength(path, written)) return;
  const known =
    knowsTimeoutKeyword(facts, path, written, name) ||
    (call !== undefined && noneIsForever(facts, call, path, written, name)) ||
    (call !== undefined && unwrap(value).type === "none" && ownFunctionWaitsWith(facts, call, written, name));
  const isTest = /(^|\.)gen_test$/.test(path);
  if (call && bindsNothing(facts, call, value, name, path, written, known)) return;
  if (call && isCacheLifetime(call)) return;
  // `statusBar().showMessage("Saved", timeout=2000)`: how long the message shows (displays.ts).
  if (call && displayedFor(judge.facts, call, value)) return;
  // `memory_usage(-1, interval=0.1, timeout=1)`: how long the current process's memory is sampled (measured.ts).
  if (call && measuringWindow(facts, call, value)) return;
  // `notifier.send(title, text, timeout=10000)`: the package's own `send` only shows it (display-parameters.ts).
  if (call && displayParameter(facts, call, name)) return;
  if (call && written.endsWith(".wait") && facts.isPacingWait(call)) return;
  // `acquire(blocking=True, timeout=None)`: blocking asked for, with no bound: it waits forever.
  const blocking = call ? keywordArgument(call, "blocking")?.text === "True" : false;
  if (blocking && unwrap(value).type === "none") {
    judge.report(value, `${where} of a blocking call`, true);
    return;
  }
  // `timeout=self.CM["DeadTime"] + 10`, `join(timeout=self.heartbeat_interval + 1.0)`: a literal pad on a configured
  // value that the keyword makes a timeout is a literal part of the bound (the pad rule; `classify` reads a pad only
  // where the padded value's own name says timeout).
  const pad = padOnSetting(facts, value);
  if (pad) {
    judge.report(pad.literal, `added to ${pad.setting.text} ${where}`, false, "poll", isTest);
    return;
  }
  judge.report(value, where, known, "poll", isTest);
}

/**
 * `setting + 10`: a positive literal added to a name, attribute or subscript that holds no constant and whose name does
 * not say timeout (that pad `classify` reports). Not a clock reading: `time.time() + 5` is a point in time; nor a
 * local holding a call's result or arithmetic (`n = len(items)`).
 */
function padOnSetting(facts: PyCallJudge["facts"], value: TsNode): { setting: TsNode; literal: TsNode } | undefined {
  for (const [setting, literal] of addends(unwrap(value))) {
    if (!/^(identifier|attribute|subscript)$/.test(setting.type) || facts.isTimeout(referenceName(setting))) continue;
    if (facts.evaluate(setting) !== undefined || (facts.evaluate(literal) ?? 0) <= 0) continue;
    if (setting.type === "identifier" && facts.clockNames.has(`${facts.scopeOf(setting)}:${setting.text}`)) continue;
    // `n = len(items)` then `timeout=n + 5`: a computed count held in a local, as `len(items) + 5` written inline.
    if (setting.type === "identifier" && facts.isComputed(setting)) continue;
    return { setting, literal };
  }
  return undefined;
}
