// A package's own function whose timeout parameter is only how long a message shows: pyhoca-gui's notifier
// `send(self, title, text, context, icon, timeout=8000)` hands `timeout` to a notification's `set_timeout`, to wx's
// `ShowBalloon(title, text, timeout * 1000, icon)` or to nothing at all, so `notifier.send(..., timeout=10000)` bounds
// no wait. Decided by following the parameter through the body: every read must reach a display slot (`displays.ts`),
// directly, through arithmetic on literals (`timeout / 1000`), through another of the package's functions whose
// parameter is display-only in every definition (`PythonFacts.displays`), or through an attribute of the object whose
// every read is taken into such a name (`self.timeout[context] = timeout` in `prepare`, read back by `send` as
// `timeout = self.timeout[context]`). A test against None (`if timeout is not None`) reads it without waiting.
import type { Node as TsNode } from "web-tree-sitter";
import { displayedFor } from "./displays.ts";
import { lifetimeUse, numberConversion } from "./expiries.ts";
import { truthinessTest } from "./lifetimes.ts";
import { scheduledDelay } from "./schedules.ts";
import { onlySleeps, sleptFor } from "./sleeps.ts";
import { coalescingInterval, equalityTest, unheardSignal } from "./qt-timers.ts";
import { ancestorsOf } from "./attribute-ancestry.ts";
import { classOf, positionalIndex } from "./callees.ts";
import { madeClassesShow, ownDefinitionsShow, ownPackageName, returnedShown } from "./own-display-calls.ts";
import { madeClassNames } from "./own-methods.ts";
import { ownCallee } from "./package-callees.ts";
import type { PyFacts } from "./facts.ts";
import { enclosingFunction, unwrap, withoutText } from "./syntax.ts";

/** How many attributes or names deep a parameter is followed. */
const MAX_DEPTH = 3;

/** Whether every read of `name` in `fn`'s body is how long a message shows (a body that never reads it bounds nothing). */
export function displayOnly(facts: PyFacts, fn: TsNode, name: string, depth = 0): boolean {
  const body = fn.childForFieldName("body");
  if (!body || depth > MAX_DEPTH) return false;
  // A nested function's `nonlocal last_f` rebinds another name: only one that names the parameter may rebind it.
  const code = withoutText(body.text);
  if (
    /\b(locals|vars|eval|exec)\s*\(/.test(code) ||
    new RegExp(`\\b(global|nonlocal)\\s[^\\n]*\\b${name}\\b`).test(code)
  )
    return false;
  let reads = 0;
  let shown = 0;
  for (const id of body.descendantsOfType("identifier")) {
    if (!id || id.text !== name || !readHere(id)) continue;
    reads++;
    const read = displayedRead(facts, id, name, depth);
    if (read === false) return false;
    if (read === "shown") shown++;
  }
  // Read only where it is tested against None or converted: nothing shows it either, but nothing says display.
  return reads === 0 || shown > 0;
}

/**
 * Whether the parameter `parameter` of the function `call` runs is display-only wherever the package defines it. A
 * method's receiver must be shown to be an object of a class that defines it so: `self.send` in that class (or a
 * subclass), or `self.notifier`, a local or `Notifier(...)` itself, every binding of it made by such a class. Any
 * other receiver may be another library's object with a method of the same name (`self.session.send(prepared,
 * timeout=30)` of requests beside a package's notifier `send(self, title, text, timeout=8000)`).
 */
export function displayParameter(facts: PyFacts, call: TsNode, parameter: string | number): boolean {
  // `self._makeOne(3, default_timeout=0.1)`, `self._getTargetClass()(size, default_timeout=t)`: callees the file shows.
  if (ownDefinitionsShow(facts, call, parameter) || madeClassesShow(facts, call, parameter)) return true;
  const displays = facts.options.python?.displays;
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  const slots = method && displays && Object.hasOwn(displays, method) ? displays[method] : undefined;
  if (!slots || !callee) return false;
  const receiver = callee.type === "attribute" ? callee.childForFieldName("object") : null;
  const own = receiver
    ? madeBy(facts, unwrap(receiver), slots.classes, 0)
    : callee.type === "identifier" && (ownCallee(facts, callee.text) || ownPackageName(facts, callee.text));
  return (
    own && (typeof parameter === "number" ? slots.positions.includes(parameter) : slots.keywords.includes(parameter))
  );
}

/** Whether `receiver` is an object of one of `classes`, as the file shows: itself in their methods, or made by them. */
function madeBy(facts: PyFacts, receiver: TsNode, classes: readonly string[], depth: number): boolean {
  if (receiver.type === "identifier" && (receiver.text === "self" || receiver.text === "cls")) {
    const fn = enclosingFunction(receiver);
    const cls = fn && classOf(fn);
    const bases = (cls?.childForFieldName("superclasses")?.namedChildren ?? []).map((b) =>
      b ? b.text.slice(b.text.lastIndexOf(".") + 1) : "",
    );
    const own = cls?.childForFieldName("name")?.text;
    if ([own, ...bases].some((name) => name && classes.includes(name))) return true;
    // `class xiph(ChannelPlugin)` in another module, `ChannelPlugin(GenericChannel)`, `GenericChannel(FeaturePlugin)`:
    // the package's classes by name (`bases`, the package pass's), whatever module defines them.
    const known = facts.options.python?.bases;
    return (
      own !== undefined && known !== undefined && [...ancestorsOf(known, own).seen].some((n) => classes.includes(n))
    );
  }
  if (receiver.type === "call") {
    // `self._makeOne(3)` returning `self._getTargetClass()(size)`: the classes the file's own methods make.
    const own = madeClassNames(facts, receiver);
    if (own?.every((name) => classes.includes(name)) && receiver.childForFieldName("function")?.type !== "identifier")
      return true;
    const made = receiver.childForFieldName("function");
    // `Notifier()`, `notify.Popup()`: a class of the package by its name, not `requests.Session()`.
    const name = made?.type === "attribute" ? made.childForFieldName("attribute")?.text : made?.text;
    return (made?.type === "identifier" || made?.type === "attribute") && name !== undefined && classes.includes(name);
  }
  if (depth > MAX_DEPTH || (receiver.type !== "identifier" && receiver.type !== "attribute")) return false;
  // `self._app.notifier`: an attribute every binding of which in the package makes one of them (the package pass's
  // `displayAttributes`), whatever object holds it.
  const attribute = receiver.type === "attribute" ? receiver.childForFieldName("attribute")?.text : undefined;
  const attributes = facts.options.python?.displayAttributes;
  const made = attribute && attributes && Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
  if (made && made.length > 0 && made.every((name) => classes.includes(name))) return true;
  // `self.notifier = Notifier()`, `notifier = Notifier()`: every binding (a parameter or unknown one is none).
  const sources = facts.bindingSources(receiver);
  return sources.length > 0 && sources.every((s) => s !== null && madeBy(facts, unwrap(s), classes, depth + 1));
}

// A read of the name, not a store to it, not an attribute's or keyword's name, not a parameter's own declaration.
function readHere(id: TsNode): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return false;
  if (/parameter$|^parameters$/.test(parent.type)) return false;
  if (parent.type === "assignment" && parent.childForFieldName("left")?.id === id.id) return false;
  // `name, maxsize, timeout = self._resolve_setting(...)`: a store into a name of an unpacking target.
  const unpacked = parent.type === "pattern_list" || parent.type === "tuple_pattern" ? parent.parent : undefined;
  if (unpacked?.type === "assignment" && unpacked.childForFieldName("left")?.id === parent.id) return false;
  return true;
}

/** What a read does with the value: shows it (`shown`), only tests or converts it (`kept`), or anything else (false). */
function displayedRead(facts: PyFacts, id: TsNode, name: string, depth: number): "shown" | "kept" | false {
  // `timeout / 1000`, `(timeout * 1000)`: the same duration in another unit.
  let value = id;
  for (;;) {
    const converted = numberConversion(value);
    if (converted) value = converted;
    else if (
      value.parent?.type === "parenthesized_expression" ||
      (value.parent && literalArithmetic(value.parent, value))
    )
      value = value.parent;
    else break;
  }
  const parent = value.parent;
  if (!parent) return false;
  // `isinstance(timeout, int)`: its type checked, nothing waited on.
  if (typeChecked(value)) return "kept";
  // `return name, maxsize, timeout` to callers that each take it into a name they only show.
  if (parent.type === "return_statement" || parent.type === "expression_list")
    return returnedShown(facts, value, depth + 1) && "shown";
  // `if timeout is not None`: tested, not waited on (`elapsed > timeout` would be a bound).
  // `self._timer.interval() != timeout`: an equality test restates the value (README "Restated for comparison").
  if (parent.type === "comparison_operator")
    return (parent.namedChildren.some((c) => c?.type === "none") || equalityTest(parent)) && "kept";
  // `if timeout:` before the timer that clears the message: whether one was asked for, nothing waited on.
  if (parent.type === "not_operator" || truthinessTest(value)) return "kept";
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === value.id) {
    const left = parent.childForFieldName("left");
    if (left?.type === "identifier" && left.text === name) return "kept";
    return left !== null && storedForDisplay(facts, left, depth) && "shown";
  }
  // `self.status_last = time.time() + timeout` read only by a main-loop callback that ends nothing (`shown-until.ts`).
  if (parent.type === "binary_operator" && parent.childForFieldName("operator")?.text === "+")
    return lifetimeUse(facts, id) && "shown";
  const call = parent.type === "keyword_argument" ? parent.parent?.parent : parent.parent;
  if (call?.type !== "call" || (parent.type !== "keyword_argument" && parent.type !== "argument_list")) return false;
  // `GLib.timeout_add(int(timeout * 1000), self.status_clear)`: a GUI main-loop timer whose callback ends nothing (or a
  // schedule that only restarts or tidies, a source that repeats): how long until the message is cleared.
  if (displayedFor(facts, call, value) || (parent.type === "argument_list" && scheduledDelay(value))) return "shown";
  // `self._timer.setInterval(timeout)` of a `QTimer` whose `timeout` runs only slots that end nothing: a throttle's or
  // debouncer's window (`qt-timers.ts`); `self.timeoutChanged.emit(timeout)` to no listener of the package.
  if (parent.type === "argument_list" && coalescingInterval(facts, value)) return "shown";
  if (parent.type === "argument_list" && unheardSignal(facts, value, classOf(enclosingFunction(id) ?? id)))
    return "kept";
  // `def qWait(cls, timeout=DEFAULT_TIMEOUT): QTest.qWait(timeout)`, `def nap(t): time.sleep(t)`: a function whose
  // whole work is a sleep pauses for its parameter; like a display time, it bounds no wait. (A body that does more
  // after its sleep may be a timer whose delay is a deadline: `sleeps.ts`.)
  const body = enclosingFunction(id)?.childForFieldName("body");
  if (parent.type === "argument_list" && body && sleptFor(value, "any") && onlySleeps(body)) return "shown";
  const slot =
    parent.type === "keyword_argument" ? parent.childForFieldName("name")?.text : positionalIndex(parent, value);
  return slot !== undefined && slot !== -1 && displayParameter(facts, call, slot) && "shown";
}

// `timeout / 1000`: the other operand a number.
function literalArithmetic(operation: TsNode, operand: TsNode): boolean {
  if (operation.type !== "binary_operator") return false;
  const other = operation.childForFieldName(operation.childForFieldName("left")?.id === operand.id ? "right" : "left");
  return other?.type === "integer" || other?.type === "float";
}

/**
 * `self.timeout[context] = timeout`: the attribute is read somewhere in the file, and every read of it (on any object,
 * in any class: a subclass or another object may read it too) is `self.timeout` taken into a name (`timeout =
 * self.timeout[context]`) that is display-only in its method. Deleting an entry reads nothing.
 */
function storedForDisplay(facts: PyFacts, left: TsNode, depth: number): boolean {
  const target = left.type === "subscript" ? left.childForFieldName("value") : left;
  if (target?.type !== "attribute" || target.childForFieldName("object")?.text !== "self") return false;
  const attribute = target.childForFieldName("attribute")?.text;
  let taken = 0;
  for (const read of left.tree.rootNode.descendantsOfType("attribute")) {
    if (!read || read.id === target.id || read.childForFieldName("attribute")?.text !== attribute) continue;
    if (read.childForFieldName("object")?.text !== "self") return false;
    let whole = read;
    if (whole.parent?.type === "subscript" && whole.parent.childForFieldName("value")?.id === whole.id)
      whole = whole.parent;
    const holder = whole.parent;
    if (holder?.type === "delete_statement" || holder?.parent?.type === "delete_statement") continue;
    if (holder?.type !== "assignment") return false;
    const into = holder.childForFieldName("left");
    if (into?.id === whole.id) continue; // another store
    const method = enclosingFunction(holder);
    if (into?.type !== "identifier" || !method || !displayOnly(facts, method, into.text, depth + 1)) return false;
    taken++;
  }
  return taken > 0;
}

// `isinstance(timeout, int)`: the first argument of a type test.
function typeChecked(value: TsNode): boolean {
  const list = value.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  return call?.childForFieldName("function")?.text === "isinstance" && list!.namedChildren[0]?.id === value.id;
}
