// Calls whose callee the file itself shows, for the display-only (and expiry-only) parameters of `display-parameters.ts`:
// `self._makeOne(3, default_timeout=0.1)` runs the file's own `_makeOne` (or an override in a subclass the file
// defines), judged by what that definition does with the parameter; `self._getTargetClass()(size, default_timeout=t)`
// calls the classes that method returns, judged by their constructors as the package pass found them; a class the file
// imports from its own package by an absolute name (`from repoze.lru import ExpiringLRUCache` in
// `repoze/lru/tests.py`) is the package's own.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeNamed, EQUALITY } from "./assertion-names.ts";
import { neverRead } from "./context.ts";
import { displayOnly, displayParameter } from "./display-parameters.ts";
import { outward, throughUnits } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { remembered } from "./file-functions.ts";
import { everyRead } from "./local-reads.ts";
import { madeClassNames, selfMethodDefinitions } from "./own-methods.ts";
import { positionalIndex } from "./callees.ts";
import { calleeText, enclosingFunction } from "./syntax.ts";

/** How many returns deep a value is followed into its callers. */
const MAX_DEPTH = 3;

/** Every definition `self.m(...)` may run shows the parameter or cannot take it, and one at least shows it. */
export function ownDefinitionsShow(facts: PyFacts, call: TsNode, parameter: string | number): boolean {
  const definitions = selfMethodDefinitions(facts, call);
  if (!definitions) return false;
  let shown = 0;
  for (const fn of definitions) {
    const verdict = definitionShows(facts, fn, parameter);
    if (verdict === false) return false;
    if (verdict === "shown") shown++;
  }
  return shown > 0;
}

/** `self._getTargetClass()(size, default_timeout=t)`: every class the call makes takes the parameter only to show it. */
export function madeClassesShow(facts: PyFacts, call: TsNode, parameter: string | number): boolean {
  if (call.childForFieldName("function")?.type !== "call") return false;
  const displays = facts.options.python?.displays;
  const names = displays ? madeClassNames(facts, call) : undefined;
  return (
    names !== undefined &&
    names.every((name) => {
      const slots = Object.hasOwn(displays!, name) ? displays![name] : undefined;
      return (
        slots !== undefined &&
        slots.classes.includes("") &&
        (typeof parameter === "number" ? slots.positions.includes(parameter) : slots.keywords.includes(parameter))
      );
    })
  );
}

/**
 * A name the file imports by an absolute path whose first part is a folder the file itself sits in (`repoze.lru.X` in
 * `.../repoze/lru/tests.py`): the package's own module, as a relative import would be.
 */
export function ownPackageName(facts: PyFacts, written: string): boolean {
  const path = facts.resolve(written);
  const head = path.split(".")[0];
  const folders = (facts.options.path ?? "").split(/[\\/]/).slice(0, -1);
  return path !== written && path.includes(".") && head !== undefined && folders.includes(head);
}

// What one definition does with the parameter a call hands it: shows it, cannot take it (no such parameter and no
// `**kwargs`: the call would fail), or anything else (false).
function definitionShows(facts: PyFacts, fn: TsNode, parameter: string | number): "shown" | "refused" | false {
  const { positional, named, kwargs, star } = signatureOf(fn);
  const name = typeof parameter === "number" ? positional[parameter] : named.has(parameter) ? parameter : undefined;
  // Met again while judging it (`expiring_lrucache` hands `timeout` to `_resolve_setting`, which returns it into
  // `expiring_lrucache`'s own `timeout`): the value going round adds no wait, the other reads decide.
  // (The package pass asks again each round, with what the last round found: the answer is kept per round.)
  const round = generation(facts);
  if (name !== undefined)
    return remembered(fn, `display-only ${round} ${name}`, (f) => displayOnly(facts, f, name), true) && "shown";
  if (typeof parameter === "number") return !star && !kwargs && "refused";
  if (!kwargs) return "refused";
  const question = `display-only ${round} **${parameter}`;
  return remembered(fn, question, (f) => kwargsShown(facts, f, kwargs, parameter), false) && "shown";
}

// Which package facts' displays a question was answered with (each round of the package pass makes a new object).
const GENERATIONS = new WeakMap<object, number>();
let generations = 0;

function generation(facts: PyFacts): number {
  const displays = facts.options.python?.displays;
  if (!displays) return 0;
  let known = GENERATIONS.get(displays);
  if (known === undefined) GENERATIONS.set(displays, (known = ++generations));
  return known;
}

// `def _makeOne(self, *args, **kw): return self._getTargetClass()(*args, **kw)`: every read of `kw` is `**kw` handed
// to a call that shows `key`.
function kwargsShown(facts: PyFacts, fn: TsNode, kwargs: string, key: string): boolean {
  return everyRead(fn.childForFieldName("body"), kwargs, (id) => {
    const splat = id.parent;
    const call = splat?.type === "dictionary_splat" ? splat.parent?.parent : undefined;
    return call?.type === "call" && displayParameter(facts, call, key);
  });
}

// The positional parameter names (`self`/`cls` left out), every parameter's name, the `**kwargs` name, a `*args`.
function signatureOf(fn: TsNode): { positional: string[]; named: Set<string>; kwargs?: string; star: boolean } {
  const positional: string[] = [];
  const named = new Set<string>();
  let kwargs: string | undefined;
  let star = false;
  let keywordOnly = false;
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p): p is TsNode => p !== null && p.type !== "comment",
  );
  for (const [at, written] of parameters.entries()) {
    const parameter = written.type === "typed_parameter" ? (written.namedChildren[0] ?? written) : written;
    if (parameter.type === "dictionary_splat_pattern") {
      kwargs = parameter.namedChildren[0]?.text;
      continue;
    }
    if (parameter.type === "list_splat_pattern" || /separator/.test(parameter.type)) {
      star ||= parameter.type === "list_splat_pattern";
      keywordOnly = true;
      continue;
    }
    const name = parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text;
    if (!name || (at === 0 && (name === "self" || name === "cls"))) continue;
    named.add(name);
    if (!keywordOnly) positional.push(name);
  }
  return { positional, named, kwargs, star };
}

/**
 * `return name, maxsize, timeout` (or `return timeout`) in a method every call of which in the file is `self.m(...)`
 * unpacked into names (`name, maxsize, timeout = self._resolve_setting(...)`), the name at the value's place shown
 * (display-only or an expiry) in the caller's function. A method no line of the file calls returns to callers unseen.
 */
export function returnedShown(facts: PyFacts, value: TsNode, depth: number): boolean {
  const list = value.parent?.type === "expression_list" ? value.parent : undefined;
  const statement = list ? list.parent : value.parent;
  const fn = statement?.type === "return_statement" ? enclosingFunction(statement) : undefined;
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name || depth > MAX_DEPTH) return false;
  const place = list ? list.namedChildren.findIndex((item) => item?.id === value.id) : -1;
  let callers = 0;
  for (const call of fn.tree.rootNode.descendantsOfType("call")) {
    const callee = call?.childForFieldName("function");
    if (!call || callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== name) continue;
    if (!selfMethodDefinitions(facts, call)?.some((definition) => definition.id === fn.id)) return false;
    const assignment = call.parent;
    const left =
      assignment?.type === "assignment"
        ? assignment.childForFieldName("right")?.id === call.id && assignment.childForFieldName("left")
        : null;
    const target = !left
      ? undefined
      : place < 0
        ? left
        : /^(pattern_list|tuple_pattern)$/.test(left.type)
          ? left.namedChildren[place]
          : undefined;
    const caller = enclosingFunction(call);
    if (target?.type !== "identifier" || !caller || !displayOnly(facts, caller, target.text, depth)) return false;
    callers++;
  }
  return callers > 0;
}

// `read`, as written or through a number conversion (`int(timeout)`), alone or as an item of a tuple, is what a string
// literal's `%` formats: the text holds the number, nothing waits on it.
function formattedIntoText(facts: PyFacts, read: TsNode): boolean {
  let operand = outward(throughUnits(facts, read));
  if (operand.parent?.type === "tuple") operand = outward(operand.parent);
  const format = operand.parent;
  return (
    format?.type === "binary_operator" &&
    format.childForFieldName("operator")?.text === "%" &&
    format.childForFieldName("right")?.id === operand.id &&
    format.childForFieldName("left")?.type === "string"
  );
}

/** `self.assertEqual(decorator.cache.default_timeout, timeout)`: the arguments compared. */
const COMPARING = calleeNamed(EQUALITY);

/**
 * A read of a name that bounds no wait: handed to a call that only shows it (or keeps it as an expiry:
 * `self._makeOne(maxsize=size, timeout=timeout)` of a cache maker), the default of a parameter its function only so
 * uses, formatted into a text, or compared by a test's equality assertion with what the code under test kept
 * (`self.assertEqual(cache.default_timeout, timeout)`).
 */
export function shownOrComparedRead(facts: PyFacts, read: TsNode): boolean {
  const parent = read.parent;
  // `def __init__(self, size, default_timeout=_DEFAULT_TIMEOUT)` whose body only keeps it as an expiry.
  if (/default_parameter$/.test(parent?.type ?? "") && parent!.childForFieldName("value")?.id === read.id) {
    const fn = parent!.parent?.parent;
    const name = parent!.childForFieldName("name")?.text;
    // A body that never reads it (an abstract method's) shows nothing either: its implementations' defaults decide.
    return (
      fn?.type === "function_definition" && name !== undefined && !neverRead(fn, name) && displayOnly(facts, fn, name)
    );
  }
  // `"""... (%d seconds)""" % _DEFAULT_TIMEOUT`, `'inactivity-timeout %s;' % int(timeout)`, `'... %d;' % (i + 1,
  // int(timeout))`: formatted into a text.
  if (formattedIntoText(facts, read)) return true;
  // `self.show_message(message, icon, timeout * 1000)`: the same duration in another unit reaches the slot.
  const argument = outward(throughUnits(facts, read));
  const holder = argument.parent;
  const list = holder?.type === "keyword_argument" ? holder.parent : holder;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return false;
  if (COMPARING.test(calleeText(call))) return list!.namedChildren.some((item) => item?.id === argument.id);
  const slot =
    holder?.type === "keyword_argument"
      ? holder.childForFieldName("value")?.id === argument.id
        ? holder.childForFieldName("name")?.text
        : undefined
      : positionalIndex(list!, argument);
  return slot !== undefined && slot !== -1 && displayParameter(facts, call, slot);
}
