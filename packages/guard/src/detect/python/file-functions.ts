// The file's own FUNCTIONS as a timer's callback sees them: the function a callback names (through a local or a
// guarded lambda), every definition of a name in the file, what a call calls, and each definition's verdict kept once
// per parsed tree. Shared by the schedule rule (schedules.ts) and the main-loop callbacks' test (main-loop-callbacks.ts).
import type { Node as TsNode, Tree } from "web-tree-sitter";
import { enclosingFunction, unwrap } from "./syntax.ts";

// `self.connect`, `gc_collect`, `lambda: self.clearLocate()`: the callback's name, or the one call a lambda makes. A
// local the function binds once to a method or function (`cb = self._modeflip_change_keyup_callback`) stands for it.
export function callbackTarget(callback: TsNode): TsNode | undefined {
  const target = aliased(unwrap(callback));
  if (target.type !== "lambda") return target;
  // `lambda: self and self.fade("out")`: a call guarded by a test of its receiver is still the lambda's one call.
  let body = target.childForFieldName("body");
  while (body?.type === "boolean_operator" && body.childForFieldName("operator")?.text === "and")
    body = body.childForFieldName("right");
  return body?.type === "call" ? (body.childForFieldName("function") ?? undefined) : undefined;
}

// `cb` where the enclosing function's only binding of it is `cb = self._on_keyup_later` (a name or an attribute): that
// binding's value. A name the file defines as a function, or bound more than once, is itself.
function aliased(target: TsNode): TsNode {
  if (target.type !== "identifier" || definitionsFor(target).length > 0) return target;
  const body = enclosingFunction(target)?.childForFieldName("body");
  const bindings = (body?.descendantsOfType("assignment") ?? []).filter(
    (set) => set?.childForFieldName("left")?.text === target.text,
  );
  const value = bindings.length === 1 ? bindings[0]!.childForFieldName("right") : null;
  return value && (value.type === "attribute" || value.type === "identifier") ? value : target;
}

// What a definition does, worked out once per parsed tree: n timers armed with one callback (or with callbacks that
// all call one function that arms a timer) cost the definitions' sizes once, not n times.
const JUDGED = new WeakMap<Tree, Map<string, boolean>>();

// `meanwhile`: the answer a recursive question gets for a definition it meets again while judging it (the asker
// decides it per definition, e.g. from the definition's name).
export function remembered(fn: TsNode, question: string, judge: (fn: TsNode) => boolean, meanwhile?: boolean): boolean {
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

// `self.fw.zone.remove_rule(...)` -> remove_rule; `gc_collect()` -> gc_collect; anything else -> "".
export function calledName(call: TsNode): string {
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

/**
 * The file's definitions a reference (a call's callee, a callback, a name handed on) can run: `self.m` / `cls.m` the
 * methods named m of the enclosing class and of its bases the file defines; a bare `f` the defs named f at module
 * level or in a function around the reference. Any other receiver (`self._cancellable.cancel`, `self.proc.kill`,
 * `GLib.source_remove`) is a library's or another object's method: none, even where the file defines a function of
 * that name (a wrapper `def cancel(self): self._cancellable.cancel()`, an unrelated class's `def kill`).
 */
export function definitionsFor(reference: TsNode): TsNode[] {
  if (reference.type === "identifier") {
    return definitionsOf(reference.tree, reference.text).filter((fn) => {
      const scope = definingScope(fn);
      return scope === undefined || (scope.type === "function_definition" && encloses(scope, reference));
    });
  }
  const receiver = reference.type === "attribute" ? reference.childForFieldName("object") : null;
  const name = reference.childForFieldName("attribute")?.text;
  if (!name || receiver?.type !== "identifier" || !/^(self|cls)$/.test(receiver.text)) return [];
  let owner = reference.parent;
  while (owner && owner.type !== "class_definition") owner = owner.parent;
  return owner ? classAndBases(owner).flatMap((cls) => ownMethods(cls, name)) : [];
}

// The function or class whose body holds `fn` (undefined at module level).
function definingScope(fn: TsNode): TsNode | undefined {
  let scope = fn.parent;
  while (scope && scope.type !== "function_definition" && scope.type !== "class_definition") scope = scope.parent;
  return scope ?? undefined;
}

function encloses(scope: TsNode, node: TsNode): boolean {
  for (let up: TsNode | null = node.parent; up; up = up.parent) if (up.id === scope.id) return true;
  return false;
}

// A class and the bases the file defines at module level, by name, each once.
function classAndBases(cls: TsNode, seen = new Set<number>()): TsNode[] {
  if (seen.has(cls.id)) return [];
  seen.add(cls.id);
  const bases = (cls.childForFieldName("superclasses")?.namedChildren ?? []).flatMap((base) =>
    base?.type === "identifier"
      ? cls.tree.rootNode.namedChildren
          .map((top) => (top?.type === "decorated_definition" ? top.childForFieldName("definition") : top))
          .filter((top) => top?.type === "class_definition" && top.childForFieldName("name")?.text === base.text)
      : [],
  );
  return [cls, ...bases.flatMap((base) => classAndBases(base!, seen))];
}

function ownMethods(cls: TsNode, name: string): TsNode[] {
  return definitionsOf(cls.tree, name).filter((fn) => definingScope(fn)?.id === cls.id);
}
