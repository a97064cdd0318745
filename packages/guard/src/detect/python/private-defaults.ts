// The default of a private class's constructor parameter that no call uses: sugar3's `class _TimeoutAlert(Alert)` with
// `def __init__(self, timeout=5, ...)`, made only through its subclasses' `_TimeoutAlert.__init__(self, timeout, ...)`,
// each passing its own `timeout`. A leading underscore keeps the class to its module (the package's words must not
// name it in another file), so the file shows every call: when each passes the parameter, the default bounds nothing.
// The subclasses' own defaults are judged where they are.
import type { Node as TsNode } from "web-tree-sitter";
import { baseInitOf } from "./base-init.ts";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";

/** Every call in the file that runs `fn` (a private class's `__init__`) passes its parameter `name`. */
export function defaultNeverUsed(facts: PyFacts, fn: TsNode, name: string): boolean {
  const cls = classOf(fn);
  const className = cls?.childForFieldName("name")?.text;
  if (!cls || !className || !/^_[A-Za-z]/.test(className) || fn.childForFieldName("name")?.text !== "__init__")
    return false;
  const mentions = facts.packageMentions(className);
  if (mentions !== undefined && mentions !== 1) return false;
  const place = parameterPlace(fn, name);
  if (place === undefined) return false;
  let calls = 0;
  for (const found of fn.tree.rootNode.descendantsOfType("identifier")) {
    if (!found || found.text !== className || found.id === cls.childForFieldName("name")?.id) continue;
    const parent = found.parent!;
    // `class TimeoutAlert(_TimeoutAlert)`: a subclass, which must make its objects with its own `__init__`, each of
    // whose calls of the base's constructor passes the parameter (those are counted below or here).
    if (parent.type === "argument_list" && parent.parent?.type === "class_definition") {
      const subclass = parent.parent;
      const init = ownInit(subclass);
      if (!init) return false;
      for (const call of init.descendantsOfType("call")) {
        const base = baseInitOf(call!.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "", subclass);
        if (base && base.base === className && !base.selfPassed) {
          if (!passes(call!, name, place)) return false;
          calls++;
        }
      }
      continue;
    }
    // `_TimeoutAlert(...)`, `_TimeoutAlert.__init__(self, ...)`.
    const explicit = parent.type === "attribute" && parent.childForFieldName("attribute")?.text === "__init__";
    const callee = explicit ? parent : found;
    const call = callee.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id) return false;
    if (!passes(call, name, explicit ? place + 1 : place)) return false;
    calls++;
  }
  return calls > 0;
}

// The parameter's place among the positional ones, `self` left out (-1: keyword-only); undefined when absent.
function parameterPlace(fn: TsNode, name: string): number | undefined {
  let index = 0;
  let keywordOnly = false;
  for (const [at, parameter] of (fn.childForFieldName("parameters")?.namedChildren ?? []).entries()) {
    if (!parameter || parameter.type === "comment") continue;
    if (/splat|separator/.test(parameter.type)) {
      keywordOnly = true;
      continue;
    }
    const own = parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text;
    if (at === 0 && own === "self") continue;
    if (own === name) return keywordOnly ? -1 : index;
    if (!keywordOnly) index++;
  }
  return undefined;
}

// The call passes `name`: as a keyword, or positionally at `place` with no `*args` before it.
function passes(call: TsNode, name: string, place: number): boolean {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  let index = 0;
  for (const argument of args) {
    if (!argument || argument.type === "comment") continue;
    if (argument.type === "keyword_argument") {
      if (argument.childForFieldName("name")?.text === name) return true;
      continue;
    }
    if (argument.type === "list_splat" || argument.type === "dictionary_splat") return false;
    if (place >= 0 && index === place) return true;
    index++;
  }
  return false;
}

// The `__init__` a class body defines (directly or decorated).
function ownInit(cls: TsNode): TsNode | undefined {
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const fn = statement?.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (fn?.type === "function_definition" && fn.childForFieldName("name")?.text === "__init__") return fn;
  }
  return undefined;
}
