// The file's own METHODS as a call on `self` runs them, and the classes a value is made by. A unittest module's
// `self._makeOne(3, default_timeout=0.1)` runs the `_makeOne` its class (or a base the file defines) has, or an override
// in one of the file's subclasses of it; `self._getTargetClass()(size)` calls the class that method returns
// (`from repoze.lru import ExpiringLRUCache` then `return ExpiringLRUCache`), the Zope/repoze testing idiom.
import type { Node as TsNode } from "web-tree-sitter";
import { ancestorsOf } from "./attribute-ancestry.ts";
import { baseNames, classNamed, enclosingClass, memberFunction, resolveMethod } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { unwrap } from "./syntax.ts";

/** How many bases up, or subclasses down, a method is looked for. */
const MAX_DEPTH = 3;

// The file's classes that name `cls` among their bases, and theirs (a test case's subclasses run its tests too).
function subclassesOf(cls: TsNode): TsNode[] {
  const name = cls.childForFieldName("name")?.text;
  const out: TsNode[] = [];
  const seen = new Set<string>();
  let names = name ? [name] : [];
  for (let depth = 0; depth < MAX_DEPTH && names.length > 0; depth++) {
    const next: string[] = [];
    for (const candidate of cls.tree.rootNode.descendantsOfType("class_definition")) {
      const own = candidate?.childForFieldName("name")?.text;
      if (!candidate || !own || seen.has(own) || !baseNames(candidate).some((b) => names.includes(b))) continue;
      seen.add(own);
      out.push(candidate);
      next.push(own);
    }
    names = next;
  }
  return out;
}

/**
 * The definitions `self.m(...)` may run where it is written: the one its class resolves to and the overrides in the
 * file's subclasses of that class. Undefined for any other callee, a method the file does not define for it, or a
 * class that another module of the package subclasses (its override is unseen), or when the package is unknown.
 */
export function selfMethodDefinitions(facts: PyFacts, call: TsNode): TsNode[] | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("object")?.text !== "self") return undefined;
  const name = callee.childForFieldName("attribute")?.text;
  const cls = enclosingClass(call);
  const resolved = cls && name ? resolveMethod(cls, name) : undefined;
  if (!cls || !name || !resolved || subclassedElsewhere(facts, cls)) return undefined;
  const overrides = subclassesOf(cls)
    .map((sub) => memberFunction(sub, name))
    .filter((fn): fn is TsNode => fn !== undefined && fn.id !== resolved.id);
  return [resolved, ...overrides];
}

// Classes subclassed by a class this file does not define, per package facts (`bases`: every module's classes).
const ELSEWHERE = new WeakMap<object, Map<string, boolean>>();

function subclassedElsewhere(facts: PyFacts, cls: TsNode): boolean {
  const bases = facts.options.python?.bases;
  const name = cls.childForFieldName("name")?.text;
  if (!bases || !name) return true;
  let known = ELSEWHERE.get(bases);
  if (!known) ELSEWHERE.set(bases, (known = new Map()));
  let answer = known.get(`${facts.options.path ?? ""}:${name}`);
  if (answer === undefined) {
    answer = Object.keys(bases).some(
      (other) => classNamed(cls.tree.rootNode, other) === undefined && ancestorsOf(bases, other).seen.has(name),
    );
    known.set(`${facts.options.path ?? ""}:${name}`, answer);
  }
  return answer;
}

/** The values a function returns (its own `return`s, not a nested function's); undefined for a bare or no `return`. */
export function returnedValues(fn: TsNode): TsNode[] | undefined {
  const values: TsNode[] = [];
  for (const statement of fn.descendantsOfType("return_statement")) {
    if (!statement) continue;
    let owner = statement.parent;
    while (owner && owner.type !== "function_definition" && owner.type !== "lambda") owner = owner.parent;
    if (owner?.id !== fn.id) continue;
    const value = statement.namedChildren[0];
    if (!value) return undefined;
    values.push(unwrap(value));
  }
  return values.length > 0 ? values : undefined;
}

/**
 * The last names of the classes a call makes its object with: `Cache(...)`, `lru.Cache(...)`; `self._makeOne(...)`
 * whose every return is such a call; `self._getTargetClass()(...)` whose every return is a class's name (imported or
 * the file's). Undefined where some path makes anything else or is unknown.
 */
export function madeClassNames(facts: PyFacts, call: TsNode, depth = 0): string[] | undefined {
  if (depth > MAX_DEPTH || call.type !== "call") return undefined;
  const made = call.childForFieldName("function");
  if (!made) return undefined;
  if (made.type === "call") return classesReturned(facts, made);
  const own = selfMethodDefinitions(facts, call);
  if (own) return every(own, (fn) => every(returnedValues(fn), (value) => madeClassNames(facts, value, depth + 1)));
  if (made.type !== "identifier" && made.type !== "attribute") return undefined;
  const path = facts.resolve(made.text.replace(/\s+/g, ""));
  return [path.slice(path.lastIndexOf(".") + 1)];
}

// `self._getTargetClass()`: the names every definition it may run returns.
function classesReturned(facts: PyFacts, call: TsNode): string[] | undefined {
  const own = selfMethodDefinitions(facts, call);
  if (!own || (call.childForFieldName("arguments")?.namedChildren.length ?? 0) > 0) return undefined;
  return every(own, (fn) =>
    every(returnedValues(fn), (value) => {
      if (value.type !== "identifier" && value.type !== "attribute") return undefined;
      const path = facts.resolve(value.text.replace(/\s+/g, ""));
      return [path.slice(path.lastIndexOf(".") + 1)];
    }),
  );
}

function every<T>(items: readonly T[] | undefined, names: (item: T) => string[] | undefined): string[] | undefined {
  if (!items || items.length === 0) return undefined;
  const out = new Set<string>();
  for (const item of items) {
    const found = names(item);
    if (!found) return undefined;
    for (const name of found) out.add(name);
  }
  return [...out];
}
