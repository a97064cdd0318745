// A Qt timer OBJECT's interval (`self._timer = QTimer()`, `self._timer.timeout.connect(self._maybeEmitTriggered)`,
// later `self._timer.setInterval(timeout)`): how long until the timer's `timeout` signal runs what is connected to it.
// Nothing blocks on it; what the interval means is what the connected slots do, as for `QTimer.singleShot` in
// `schedules.ts`. Slots that end nothing (`slotEndsNothing`, qt-slots.ts: superqt's throttler emits the throttled call's `triggered`
// and restarts the timer) make it a delay or a coalescing window, not a deadline; a slot that aborts, cancels, kills
// or fails something makes it one, and an unknown slot (another module's, a library's) leaves it reported.
// Also the reads that only tell others about the setting: `self._timer.interval() != timeout` (an equality test
// restates, README "Restated for comparison") and `self.timeoutChanged.emit(timeout)` of a class's own Qt signal that
// no module of the package connects.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { slotEndsNothing } from "./qt-slots.ts";
import { unwrap } from "./syntax.ts";

/** `QTimer` of PyQt, PySide or qtpy, through the file's imports (`qtpy.QtCore.QTimer`, `PyQt5.QtCore.QTimer`). */
const QT_TIMER = /(^|\.)QtCore\.QTimer$/;
/** The timer methods that take its interval in milliseconds as their first argument. */
const INTERVAL_METHODS = /^(setInterval|start)$/;
/** A Qt signal declared in a class body (`timeoutChanged = Signal(int)`, PyQt's `pyqtSignal(int)`). */
const SIGNAL = /^(Signal|pyqtSignal)$/;

/**
 * Whether `value` is the interval of a Qt timer object (`timer.setInterval(value)`, `timer.start(value)`, its first
 * argument) that the file makes itself (every binding of the receiver is `QTimer()`) and whose `timeout` signal the file
 * connects only to slots that end nothing (one at least).
 */
export function coalescingInterval(facts: PyFacts, value: TsNode): boolean {
  const list = value.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildren[0]?.id !== value.id) return false;
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || !INTERVAL_METHODS.test(callee.childForFieldName("attribute")?.text ?? ""))
    return false;
  const receiver = callee.childForFieldName("object");
  if (!receiver || (receiver.type !== "identifier" && receiver.type !== "attribute")) return false;
  const sources = facts.bindingSources(receiver);
  const made = sources.length > 0 && sources.every((source) => source !== null && qtTimer(facts, unwrap(source)));
  if (!made) return false;
  const written = receiver.text.replace(/\s+/g, "");
  let slots = 0;
  for (const connect of call.tree.rootNode.descendantsOfType("call")) {
    const function_ = connect?.childForFieldName("function");
    if (function_?.type !== "attribute" || function_.childForFieldName("attribute")?.text !== "connect") continue;
    const signal = function_.childForFieldName("object");
    if (signal?.type !== "attribute" || signal.childForFieldName("attribute")?.text !== "timeout") continue;
    if (signal.childForFieldName("object")?.text.replace(/\s+/g, "") !== written) continue;
    const slot = connect!.childForFieldName("arguments")?.namedChildren[0];
    if (!slot || slot.type === "keyword_argument" || !slotEndsNothing(slot, written)) return false;
    slots++;
  }
  return slots > 0;
}

// `QTimer()`, `QtCore.QTimer(self)`: a call of Qt's timer class.
function qtTimer(facts: PyFacts, node: TsNode): boolean {
  const made = node.type === "call" ? node.childForFieldName("function") : null;
  return (made?.type === "identifier" || made?.type === "attribute") && QT_TIMER.test(facts.resolve(made.text));
}

/**
 * `self.timeoutChanged.emit(value)`: the value handed to a signal the enclosing class declares (`timeoutChanged =
 * Signal(int)` in its body) that no file of the package but this one names and this file never connects. Listeners
 * outside the package are the user's own code.
 */
export function unheardSignal(facts: PyFacts, value: TsNode, cls: TsNode | undefined): boolean {
  const list = value.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  const callee = call?.childForFieldName("function");
  if (call?.type !== "call" || callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "emit")
    return false;
  const signal = callee.childForFieldName("object");
  const name = signal?.type === "attribute" ? signal.childForFieldName("attribute")?.text : undefined;
  if (!name || signal?.childForFieldName("object")?.text !== "self" || !cls || facts.packageMentions(name) !== 1)
    return false;
  if (new RegExp(`\\.${name}\\s*\\.\\s*connect\\b`).test(facts.fileSource())) return false;
  return (cls.childForFieldName("body")?.namedChildren ?? []).some((statement) => {
    const assignment = statement?.type === "expression_statement" ? statement.firstNamedChild : null;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== name) return false;
    const right = assignment.childForFieldName("right");
    const made = right?.type === "call" ? right.childForFieldName("function")?.text : undefined;
    return made !== undefined && SIGNAL.test(made.slice(made.lastIndexOf(".") + 1));
  });
}

/** `a != timeout`, `timeout == self._timer.interval()`: an equality test, which restates the value and bounds nothing. */
export function equalityTest(comparison: TsNode): boolean {
  const operators = comparison.children.filter((child) => child !== null && !child.isNamed);
  return operators.length > 0 && operators.every((child) => child!.type === "==" || child!.type === "!=");
}
