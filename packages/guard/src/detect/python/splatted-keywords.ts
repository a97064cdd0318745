// A value written into a dictionary of keyword arguments that a later call of the same function splats: custodia's
// `kwargs.setdefault("timeout", self.timeout)` then `self._last_response = cmd(url, **kwargs)`, or
// `params["timeout"] = self.timeout` then `session.get(url, **params)`. The value is that call's keyword of the same
// name, judged as a keyword written there would be (`settings.ts`' `reachesWait`). Through a parameter the function is
// handed its callee by (`self._request(self.session.get, path)`), the callee is each of the callables the class's calls
// hand it (`handed-callables.ts`).
import type { Node as TsNode } from "web-tree-sitter";
import { knowsTimeoutKeyword } from "./calls.ts";
import { classOf } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { bindsLocally, handedCallees, parameterPlace } from "./handed-callables.ts";
import { noneIsForever } from "./none-keywords.ts";
import { returnedKeyword } from "./returned-keywords.ts";
import { enclosingFunction, keywordArgument } from "./syntax.ts";

/** The calls that splat the dictionary `read` is written into, and the key it is written under. */
export interface SplattedKeyword {
  readonly calls: readonly TsNode[];
  readonly name: string;
}

/** `d.setdefault("timeout", read)` or `d["timeout"] = read`, then `f(..., **d)` later in the same function. */
export function splattedKeyword(read: TsNode): SplattedKeyword | undefined {
  const written = writtenInto(read);
  if (!written) return undefined;
  const fn = enclosingFunction(read);
  const body = fn?.childForFieldName("body");
  if (!fn || !body) return undefined;
  // The dictionary made again after the write no longer holds the value.
  const remade = body
    .descendantsOfType("assignment")
    .some((a) => a!.startIndex > read.endIndex && a!.childForFieldName("left")?.text === written.dictionary);
  if (remade) return undefined;
  const calls: TsNode[] = [];
  for (const splat of body.descendantsOfType("dictionary_splat")) {
    if (!splat || splat.startIndex < read.endIndex || splat.namedChildren[0]?.text !== written.dictionary) continue;
    const call = splat.parent?.parent;
    if (splat.parent?.type === "argument_list" && call?.type === "call" && enclosingFunction(call)?.id === fn.id)
      calls.push(call);
  }
  return calls.length > 0 ? { calls, name: written.name } : undefined;
}

/**
 * `read` written into a dictionary that a later call splats, where one such call's keyword of the key's name is a known
 * wait's timeout (`session.get(url, **kwargs)`), for the call itself or for every callable a parameter it calls through
 * is handed. A call that also writes the keyword itself takes its own.
 */
export function splatReachesWait(facts: PyFacts, read: TsNode): boolean {
  const splatted = splattedKeyword(read) ?? returnedKeyword(read);
  return splatted !== undefined && splatted.calls.some((call) => takesAsWait(facts, call, splatted.name));
}

function takesAsWait(facts: PyFacts, call: TsNode, name: string): boolean {
  const callee = call.childForFieldName("function");
  if (!callee || keywordArgument(call, name) !== undefined) return false;
  const callees = callablesHanded(callee) ?? [callee.text.replace(/\s+/g, "")];
  return callees.every((written) => {
    const path = facts.resolve(written);
    return knowsTimeoutKeyword(facts, path, written, name) || noneIsForever(facts, call, path, written, name);
  });
}

function writtenInto(read: TsNode): { dictionary: string; name: string } | undefined {
  const parent = read.parent;
  const call = parent?.parent;
  if (parent?.type === "argument_list" && call?.type === "call") {
    const callee = call.childForFieldName("function");
    const [key, value] = parent.namedChildren.filter((a) => a !== null && a.type !== "comment");
    const object = callee?.childForFieldName("object");
    if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "setdefault") return undefined;
    if (object?.type !== "identifier" || value?.id !== read.id || parent.namedChildren.length !== 2) return undefined;
    return key?.type === "string" ? { dictionary: object.text, name: key.text.slice(1, -1) } : undefined;
  }
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== read.id) return undefined;
  const left = parent.childForFieldName("left");
  const object = left?.childForFieldName("value");
  const key = left?.childForFieldName("subscript");
  if (left?.type !== "subscript" || object?.type !== "identifier" || key?.type !== "string") return undefined;
  return { dictionary: object.text, name: key.text.slice(1, -1) };
}

/**
 * The written names of the callables a call through the parameter `callee` is handed: by the file's calls of a module
 * function (`handedCallees`), or by the class's own calls of a method (`self._request(self.session.get, path)`), when
 * every mention of the method is such a call and each hands a name. Undefined otherwise.
 */
export function callablesHanded(callee: TsNode): string[] | undefined {
  if (callee.type !== "identifier") return undefined;
  const module = handedCallees(callee);
  if (module) return module;
  const fn = enclosingFunction(callee);
  const cls = fn ? classOf(fn) : undefined;
  const own = fn?.childForFieldName("name")?.text;
  if (!fn || !cls || !own || bindsLocally(fn, callee.text)) return undefined;
  const place = parameterPlace(fn, callee.text) - 1; // `self` is not written at the call
  if (place < 0) return undefined;
  const handed: string[] = [];
  for (const mention of cls.descendantsOfType("attribute")) {
    if (mention?.text.replace(/\s+/g, "") !== `self.${own}`) continue;
    const call = mention.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== mention.id) return undefined;
    const list = call.childForFieldName("arguments");
    if (list?.namedChildren.some((a) => a?.type === "list_splat")) return undefined;
    const positional = list?.namedChildren.filter(
      (a) => a !== null && a.type !== "comment" && !/splat|keyword/.test(a.type),
    );
    const value = positional?.[place];
    if (!value || (value.type !== "identifier" && value.type !== "attribute")) return undefined;
    handed.push(value.text.replace(/\s+/g, ""));
  }
  return handed.length > 0 ? handed : undefined;
}
