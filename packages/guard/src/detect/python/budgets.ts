// Clock budgets over work done in this process: `TIMEOUT = 60` in a theorem prover whose proof loop sets
// `deadline = time.monotonic() + self.TIMEOUT` and gives up when `time.monotonic() > deadline`, hypothesis'
// `MAX_SHRINKING_SECONDS` turned into `finish_shrinking_deadline`. The value bounds computation (the README's "CPU
// budgets"), not a wait for something outside: decided by what the code that reads the clock against it does. A
// function that sleeps, awaits, joins, receives or calls any blocking-looking method is a poll loop over something
// outside (pyperclip's `OpenClipboard` retried under `time.sleep(0.01)`, dask's `wait`) and keeps the finding.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { isClockReading, ordering, outward } from "./expiries.ts";
import { isAssignmentTarget, truthinessTest } from "./lifetimes.ts";
import { addends, blanked, unwrap } from "./syntax.ts";

// What waiting looks like in a function's code: awaiting, yielding to a scheduler, sleeping, and the method names of
// blocking calls (a queue's or a future's `get`/`result`, a socket's `recv`, a process's `communicate`, a lock's
// `acquire`, a request). Broad on purpose: one of them anywhere keeps the value reported.
export const WAITS =
  /\b(await|yield)\b|(^|[^\w])(sleep|wait\w*|join|recv\w*|accept|connect\w*|select|poll|communicate|acquire|result|read\w*|get|put|send\w*|request|urlopen|run|call|check_output|fetch\w*|receive\w*|flush|expect\w*|next)\s*\(/;

// `TIMEOUT = 60` (a class attribute read as `self.TIMEOUT`) or a module constant, every read of which either tests
// whether the limit is on (`if self.TIMEOUT`) or is added to a fresh clock reading for a deadline that the file
// compares with the clock, and no function that reads the constant or compares that deadline waits on anything.
export function boundsLocalWork(facts: PyFacts, assignment: TsNode, left: TsNode, name: string): boolean {
  if (left.type !== "identifier") return false;
  const statement = assignment.parent;
  const holder = statement?.parent;
  const inClass = holder?.type === "block" && holder.parent?.type === "class_definition";
  if (holder?.type !== "module" && !inClass) return false;
  const scope = inClass ? holder.parent! : assignment.tree.rootNode;
  const reads = readsIn(scope, name, left, inClass);
  if (reads === undefined) return false;
  let deadlines = 0;
  for (const read of reads) {
    if (truthinessTest(read) || conditionOf(read)) continue;
    const target = deadlineTarget(facts, read);
    if (!target || waits(read)) return false;
    if (!deadlineOverLocalWork(facts, read, target)) return false;
    deadlines++;
  }
  return deadlines > 0;
}

// Reads of `name` (as `self.name`/`cls.name`/`Class.name` in a class, a bare name in a module), apart from the
// definition; undefined when the name is written again or read in a way the scan cannot follow.
function readsIn(scope: TsNode, name: string, definition: TsNode, inClass: boolean): TsNode[] | undefined {
  const out: TsNode[] = [];
  for (const found of within(scope, name)) {
    if (found.startIndex >= definition.startIndex && found.endIndex <= definition.endIndex) continue;
    const parent = found.parent;
    const attribute = parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === found.id;
    // A class attribute is read through its object; a module constant as a bare name (`x.TIMEOUT` is another's).
    if (inClass !== attribute) {
      if (inClass) return undefined;
      continue;
    }
    const read = attribute ? parent! : found;
    if (isAssignmentTarget(read)) return undefined;
    out.push(read);
  }
  return out;
}

// `self.TIMEOUT` as the test of `clock() + self.TIMEOUT if self.TIMEOUT else None`.
function conditionOf(read: TsNode): boolean {
  const outer = outward(read);
  const parent = outer.parent;
  return parent?.type === "conditional_expression" && parent.namedChildren[1]?.id === outer.id;
}

// `time.monotonic() + X` (possibly the first branch of `... if X else None`) assigned to a name or a field: that
// target, the deadline.
function deadlineTarget(facts: PyFacts, read: TsNode): TsNode | undefined {
  const outer = outward(read);
  const sum = outer.parent;
  if (sum?.type !== "binary_operator") return undefined;
  const pair = addends(sum).find(([value]) => value.id === unwrap(outer).id);
  if (!pair || !isClockReading(facts, pair[1])) return undefined;
  let value = outward(sum);
  if (value.parent?.type === "conditional_expression" && value.parent.namedChildren[0]?.id === value.id)
    value = outward(value.parent);
  const assignment = value.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== value.id) return undefined;
  const target = assignment.childForFieldName("left");
  return target?.type === "identifier" || target?.type === "attribute" ? target : undefined;
}

// The ordering comparisons of the deadline with a clock reading (`time.monotonic() > deadline`), in its function for
// a local and across the file for a field; undefined when a function that reads the deadline waits, or when the
// deadline goes anywhere but such a comparison, an `is None` test or a function of this file that does not wait
// (`clauses[i].unify(other, deadline=deadline)` in nltk's prover).
function clockChecks(facts: PyFacts, target: TsNode): TsNode[] | undefined {
  const attribute = target.type === "attribute" ? target.childForFieldName("attribute")?.text : undefined;
  const name = attribute ?? target.text;
  let scope: TsNode = target.tree.rootNode;
  if (!attribute) {
    const fn = enclosingDefinition(target);
    if (!fn) return undefined;
    scope = fn;
  }
  const out: TsNode[] = [];
  for (const found of within(scope, name)) {
    const around = found.parent;
    // A field is read as `obj.name`, a local as a bare name.
    if ((around?.type === "attribute" && around.childForFieldName("attribute")?.id === found.id) !== !!attribute)
      continue;
    const read = attribute ? around! : found;
    // Set (`_deadline = None` in the class body) or declared: no read.
    if (isAssignmentTarget(read) || around?.type === "parameters" || around?.type === "default_parameter") continue;
    if (waits(read)) return undefined;
    const outer = outward(read);
    const parent = outer.parent;
    if (parent?.type === "comparison_operator" && /^is( not)?$/.test(operatorOf(parent))) continue;
    if (parent?.type === "comparison_operator" && ordering(parent)) {
      const other = parent.namedChildren.find((c) => c !== null && c.id !== outer.id);
      if (!other || !isClockReading(facts, unwrap(other))) return undefined;
      out.push(parent);
      continue;
    }
    if (!handedToLocalWork(outer)) return undefined;
  }
  return out;
}

// An argument of a call to a function of this file (by its name) that does not wait.
function handedToLocalWork(value: TsNode): boolean {
  const argument = value.parent?.type === "keyword_argument" ? value.parent : value;
  const call = argument.parent?.type === "argument_list" ? argument.parent.parent : undefined;
  const callee = call?.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  if (!method || !/^\w+$/.test(method)) return false;
  return definedWithoutWaits(value.tree.rootNode, method);
}

function operatorOf(comparison: TsNode): string {
  return comparison.children
    .filter((c) => c !== null && !c.isNamed)
    .map((c) => c!.text)
    .join(" ");
}

// `deadline = time.monotonic() + N` (or a field set so) in a function that does not wait, compared with the clock
// only by functions that do not wait either.
export function deadlineOverLocalWork(facts: PyFacts, assignment: TsNode, target: TsNode): boolean {
  if (waits(assignment)) return false;
  const checks = clockChecks(facts, target);
  return checks !== undefined && checks.length > 0;
}

// Whether the function around `node` (the module's code outside functions for a module-level read) waits on anything.
function waits(node: TsNode): boolean {
  const fn = enclosingDefinition(node) ?? node.tree.rootNode;
  let byStart = WAITING.get(node.tree);
  if (!byStart) WAITING.set(node.tree, (byStart = new Map()));
  let result = byStart.get(fn.startIndex);
  if (result === undefined) byStart.set(fn.startIndex, (result = waitsIn(blanked(fn.text), node.tree.rootNode, true)));
  return result;
}
const WAITING = new WeakMap<object, Map<number, boolean>>();

// The identifiers named `name` inside `scope`, from the file's identifiers indexed by name once per tree.
const NAMES = new WeakMap<object, Map<string, TsNode[]>>();
function within(scope: TsNode, name: string): TsNode[] {
  let byName = NAMES.get(scope.tree);
  if (!byName) {
    byName = new Map();
    for (const node of scope.tree.rootNode.descendantsOfType("identifier")) {
      if (!node) continue;
      const list = byName.get(node.text);
      if (list) list.push(node);
      else byName.set(node.text, [node]);
    }
    NAMES.set(scope.tree, byName);
  }
  // In source order: the first at or after the scope's start, then on to its end.
  const all = byName.get(name) ?? [];
  let low = 0;
  for (let high = all.length; low < high;) {
    const middle = (low + high) >> 1;
    if (all[middle]!.startIndex < scope.startIndex) low = middle + 1;
    else high = middle;
  }
  const out: TsNode[] = [];
  for (let i = low; i < all.length && all[i]!.endIndex <= scope.endIndex; i++) out.push(all[i]!);
  return out;
}

// A wait in `code`: `await`/`yield`, or a blocking-looking call that is neither a string's `join` (`", ".join(parts)`,
// its literal blanked to spaces) nor, one level down, a function of this file that does not wait (nltk's
// `agenda.put(goal)` on its own `Agenda`).
function waitsIn(code: string, root: TsNode, follow: boolean): boolean {
  for (const match of code.matchAll(new RegExp(WAITS.source, "g"))) {
    const called = match[3];
    if (!called) return true;
    if (called === "join" && match[2] === "." && /\s/.test(code[match.index - 1] ?? "")) continue;
    if (!follow) return true;
    if (!definedWithoutWaits(root, called)) return true;
  }
  return false;
}

// Whether the file defines functions named `name` and none of them waits (their own code, one level), decided once per
// name and file: a call to them is local work.
const LOCAL = new WeakMap<object, Map<string, boolean>>();
function definedWithoutWaits(root: TsNode, name: string): boolean {
  let byName = LOCAL.get(root.tree);
  if (!byName) {
    const definitions = new Map<string, TsNode[]>();
    for (const fn of root.descendantsOfType("function_definition")) {
      const own = fn?.childForFieldName("name")?.text;
      if (!fn || !own) continue;
      const list = definitions.get(own);
      if (list) list.push(fn);
      else definitions.set(own, [fn]);
    }
    byName = new Map();
    for (const [own, fns] of definitions) byName.set(own, !fns.some((fn) => waitsIn(blanked(fn.text), root, false)));
    LOCAL.set(root.tree, byName);
  }
  return byName.get(name) ?? false;
}

function enclosingDefinition(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === "function_definition") return current;
  return undefined;
}
