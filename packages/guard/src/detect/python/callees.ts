// The function of this file a call runs, found by what the call names: a class's `__init__` (`Transport(...)`,
// `cls(...)`, `self.client_class(...)` through a class attribute `client_class = Client`), a base's `__init__`
// (`Base.__init__(self, ...)`, `super().__init__(...)`) or a module function (`make_client(...)`). Only this file's
// definitions: another module's class is not looked up (the check sees one file).
import type { Node as TsNode } from "web-tree-sitter";
import { baseInitOf, classBases } from "./base-init.ts";

/** What a call runs: `fn`, and what it makes of the call's result. */
export interface Callee {
  readonly fn: TsNode;
  /** `new`: a class called by name (its object is the result); `base`: a base's `__init__` run on the caller's own object; `call`: a module function. */
  readonly kind: "new" | "base" | "call";
  /** Parameters before the one the call's first positional argument fills (`self` of a class called by name). */
  readonly offset: number;
}

/** How many bases up a class's `__init__` is looked for. */
const MAX_BASES = 3;

export function calleeOf(call: TsNode, written: string): Callee | undefined {
  const root = rootOf(call);
  const cls = enclosingClass(call);
  const baseInit = baseInitOf(written, cls);
  if (baseInit) {
    // Only a base this file defines: `super()` looks up the first base by its last name (`base.Client` as `Client`),
    // `mod.Base.__init__(self, ...)` is another module's.
    const name = baseInit.selfPassed ? baseInit.base : lastName(baseInit.base);
    const base = /^\w+$/.test(name) ? classNamed(root, name) : undefined;
    const init = base && resolveMethod(base, "__init__");
    return init && { fn: init, kind: "base", offset: baseInit.selfPassed ? 0 : 1 };
  }
  let made: TsNode | undefined;
  if (written === "cls" || written === "self.__class__") made = cls;
  else if (written.startsWith("self.")) made = cls && classNamed(root, classAttribute(cls, written.slice(5)));
  else if (/^\w+$/.test(written)) made = classNamed(root, written);
  if (made) {
    const init = resolveMethod(made, "__init__");
    return init && { fn: init, kind: "new", offset: 1 };
  }
  const fn = /^\w+$/.test(written) ? moduleFunction(root, written) : undefined;
  return fn && { fn, kind: "call", offset: 0 };
}

/** The name of the parameter of `callee` that the positional `argument` of `list` fills, if a plain one. */
export function positionalParameter(callee: Callee, list: TsNode, argument: TsNode): string | undefined {
  const index = positionalIndex(list, argument);
  if (index < 0) return undefined;
  const parameters = (callee.fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p) => p !== null && p.type !== "comment",
  );
  const parameter = parameters[index + callee.offset];
  if (!parameter || /splat|separator/.test(parameter.type)) return undefined;
  // A `*` or `*args` before it makes it keyword-only.
  if (parameters.slice(0, index + callee.offset).some((p) => p && /splat|separator/.test(p.type))) return undefined;
  return parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text;
}

/** The default value of the parameter `name` of `fn`. */
export function parameterNamed(fn: TsNode, name: string): TsNode | undefined {
  for (const parameter of fn.childForFieldName("parameters")?.namedChildren ?? [])
    if (parameter?.type.endsWith("default_parameter") && parameter.childForFieldName("name")?.text === name)
      return parameter.childForFieldName("value") ?? undefined;
  return undefined;
}

/** The class a function is a method of (through a decorator). */
export function classOf(fn: TsNode): TsNode | undefined {
  let holder = fn.parent;
  if (holder?.type === "decorated_definition") holder = holder.parent;
  return holder?.type === "block" && holder.parent?.type === "class_definition" ? holder.parent : undefined;
}

function rootOf(node: TsNode): TsNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

export function enclosingClass(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === "function_definition") return classOf(current);
  return undefined;
}

/** A module-level function (through decorators). */
function moduleFunction(root: TsNode, name: string): TsNode | undefined {
  for (const child of root.namedChildren) {
    const definition = child?.type === "decorated_definition" ? child.childForFieldName("definition") : child;
    if (definition?.type === "function_definition" && definition.childForFieldName("name")?.text === name)
      return definition;
  }
  return undefined;
}

// The file's classes by name, nested ones too (a test module's classes inside its test functions), listed once per
// tree: a file of many factories looks its classes up once, not once per call.
const classesOf = new WeakMap<object, Map<string, TsNode>>();

export function classNamed(root: TsNode, name: string | undefined): TsNode | undefined {
  if (!name) return undefined;
  let classes = classesOf.get(root.tree);
  if (!classes) {
    classes = new Map();
    for (const cls of root.descendantsOfType("class_definition")) {
      const own = cls?.childForFieldName("name")?.text;
      if (cls && own && !classes.has(own)) classes.set(own, cls);
    }
    classesOf.set(root.tree, classes);
  }
  return classes.get(name);
}

/** `class C(Base, Mixin)`: the bases' last names. */
export function baseNames(cls: TsNode): string[] {
  return classBases(cls).map(lastName);
}

function lastName(written: string): string {
  return written.slice(written.lastIndexOf(".") + 1);
}

/** The class's own `def name`, through a decorator. */
export function memberFunction(cls: TsNode, name: string): TsNode | undefined {
  for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
    const fn = member?.type === "decorated_definition" ? member.childForFieldName("definition") : member;
    if (fn?.type === "function_definition" && fn.childForFieldName("name")?.text === name) return fn;
  }
  return undefined;
}

/** The class's own `def name`, else the first of its bases' the file defines (left first, `MAX_BASES` up). */
export function resolveMethod(cls: TsNode, name: string, depth = 0): TsNode | undefined {
  if (depth > MAX_BASES) return undefined;
  const own = memberFunction(cls, name);
  if (own) return own;
  for (const base of baseNames(cls)) {
    const defined = classNamed(cls.tree.rootNode, base);
    const found = defined && defined.id !== cls.id ? resolveMethod(defined, name, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** `client_class = Client` in the class body: the name of the class the attribute holds. */
function classAttribute(cls: TsNode, attribute: string): string | undefined {
  for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = member?.type === "expression_statement" ? member.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== attribute) continue;
    const right = assignment.childForFieldName("right");
    return right?.type === "identifier" ? right.text : undefined;
  }
  return undefined;
}

// Which positional argument `argument` is (-1 after a `*args`: positions unknown).
export function positionalIndex(list: TsNode, argument: TsNode): number {
  let index = 0;
  for (const item of list.namedChildren) {
    if (!item || item.type === "comment" || item.type === "keyword_argument") continue;
    if (item.type.endsWith("splat")) return -1;
    if (item.id === argument.id) return index;
    index++;
  }
  return -1;
}
