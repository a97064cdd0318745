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
import { positionalIndex } from "./package-callees.ts";
import type { PyFacts } from "./facts.ts";
import { enclosingFunction, withoutText } from "./syntax.ts";

/** How many attributes or names deep a parameter is followed. */
const MAX_DEPTH = 3;

/** Whether every read of `name` in `fn`'s body is how long a message shows (a body that never reads it bounds nothing). */
export function displayOnly(facts: PyFacts, fn: TsNode, name: string, depth = 0): boolean {
  const body = fn.childForFieldName("body");
  if (!body || depth > MAX_DEPTH) return false;
  if (/\b(locals|vars|eval|exec)\s*\(|\b(global|nonlocal)\s/.test(withoutText(body.text))) return false;
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

/** Whether the parameter `parameter` of the callee `written` is display-only wherever the package defines it. */
export function displayParameter(facts: PyFacts, written: string, parameter: string | number): boolean {
  const displays = facts.options.python?.displays;
  const method = written.slice(written.lastIndexOf(".") + 1);
  const slots = displays && Object.hasOwn(displays, method) ? displays[method] : undefined;
  if (!slots) return false;
  // `notify2.Notification(...).send(timeout=5)` or `requests.post`: another library's callee of the same name.
  const root = written.split(".")[0]!;
  if (root !== "self" && root !== "cls" && facts.isImported(root) && !facts.resolve(root).startsWith(".")) return false;
  return typeof parameter === "number" ? slots.positions.includes(parameter) : slots.keywords.includes(parameter);
}

// A read of the name, not a store to it, not an attribute's or keyword's name, not a parameter's own declaration.
function readHere(id: TsNode): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return false;
  if (/parameter$|^parameters$/.test(parent.type)) return false;
  if (parent.type === "assignment" && parent.childForFieldName("left")?.id === id.id) return false;
  return true;
}

/** What a read does with the value: shows it (`shown`), only tests or converts it (`kept`), or anything else (false). */
function displayedRead(facts: PyFacts, id: TsNode, name: string, depth: number): "shown" | "kept" | false {
  // `timeout / 1000`, `(timeout * 1000)`: the same duration in another unit.
  let value = id;
  while (value.parent && (value.parent.type === "parenthesized_expression" || literalArithmetic(value.parent, value)))
    value = value.parent;
  const parent = value.parent;
  if (!parent) return false;
  // `if timeout is not None`: tested, not waited on (`elapsed > timeout` would be a bound).
  if (parent.type === "comparison_operator") return parent.namedChildren.some((c) => c?.type === "none") && "kept";
  if (parent.type === "not_operator") return "kept";
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === value.id) {
    const left = parent.childForFieldName("left");
    if (left?.type === "identifier" && left.text === name) return "kept";
    return left !== null && storedForDisplay(facts, left, depth) && "shown";
  }
  const call = parent.type === "keyword_argument" ? parent.parent?.parent : parent.parent;
  if (call?.type !== "call" || (parent.type !== "keyword_argument" && parent.type !== "argument_list")) return false;
  if (displayedFor(facts, call, value)) return "shown";
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const slot =
    parent.type === "keyword_argument" ? parent.childForFieldName("name")?.text : positionalIndex(parent, value);
  return slot !== undefined && slot !== -1 && displayParameter(facts, written, slot) && "shown";
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
