// A library function HANDED ON AS A VALUE to a function of the file, then called through the parameter: pbcommand's
// `def __jsonable_request(request_method, headers): ... return request_method(url, data=data, headers=headers,
// verify=False)`, given `requests.post` and `requests.put` by its only callers. The call through the parameter is a
// call of what the callers hand it, judged as that callee would be (a request without a timeout). Only where the file
// shows every call of the function (a module-level function called by its name, one call at least) and each hands a
// function by its name (`requests.post`, `urlopen`), not a call's result or a parameter of its own.
import type { Node as TsNode } from "web-tree-sitter";
import type { RawFinding } from "../types.ts";
import type { PyFacts } from "./facts.ts";
import { missingTimeoutFinding } from "./http.ts";
import { enclosingFunction } from "./syntax.ts";

/** `request_method(url, data=data)` where every caller hands `requests.post` or `requests.put`: judged as each of them. */
export function handedMissingTimeout(
  facts: PyFacts,
  node: TsNode,
  callee: TsNode,
  args: TsNode,
): RawFinding | undefined {
  const handed = callee.type === "identifier" ? handedCallees(callee) : undefined;
  if (!handed) return undefined;
  const findings = handed.map((written) =>
    missingTimeoutFinding(facts, node, callee, args, facts.resolve(written), written),
  );
  return findings.every((finding) => finding !== undefined) ? findings[0] : undefined;
}

/** The written names the file's calls hand to the parameter `callee` calls through; undefined when not all are names. */
export function handedCallees(callee: TsNode): string[] | undefined {
  if (callee.type !== "identifier") return undefined;
  const name = callee.text;
  let fn = enclosingFunction(callee);
  let place = -1;
  for (; fn; fn = enclosingFunction(fn)) {
    place = parameterPlace(fn, name);
    if (place !== -1) break;
    // A nested function's own binding of the name hides the outer one.
    if (bindsLocally(fn, name)) return undefined;
  }
  if (!fn || place < 0 || bindsLocally(fn, name) || fn.parent?.type !== "module") return undefined;
  const own = fn.childForFieldName("name")?.text;
  if (!own) return undefined;
  const handed: string[] = [];
  for (const call of fn.tree.rootNode.descendantsOfType("call")) {
    const function_ = call?.childForFieldName("function");
    if (!call || !function_) continue;
    // A mention other than a call (handed on, aliased) may run it with anything.
    if (function_.text !== own) continue;
    const list = call.childForFieldName("arguments");
    const value = list?.namedChildren.filter((a) => a !== null && a.type !== "comment")[place];
    if (!value || (value.type !== "identifier" && value.type !== "attribute")) return undefined;
    if (list!.namedChildren.some((a) => a?.type === "list_splat" || a?.type === "keyword_argument")) return undefined;
    handed.push(value.text.replace(/\s+/g, ""));
  }
  const mentions = fn.tree.rootNode
    .descendantsOfType("identifier")
    .filter((id) => id?.text === own && id.parent?.type !== "function_definition");
  return handed.length > 0 && mentions.length === handed.length ? handed : undefined;
}

// The positional place of `name` among `fn`'s parameters (plain names only); -1 when it is not one.
export function parameterPlace(fn: TsNode, name: string): number {
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p): p is TsNode => p !== null && p.type !== "comment",
  );
  for (const [at, parameter] of parameters.entries()) {
    if (/splat|separator/.test(parameter.type)) return -1;
    if (parameter.type === "identifier" && parameter.text === name) return at;
    if (parameter.type !== "identifier") return -1;
  }
  return -1;
}

// `name = ...` (or a `for`, `with ... as`, `global`/`nonlocal`) in the function's own body: another value of it.
export function bindsLocally(fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body")?.text ?? "";
  return new RegExp(
    `(^|\\n)[ \\t]*${name}[ \\t]*(=[^=]|:)|\\bfor[ \\t]+${name}\\b|\\bas[ \\t]+${name}\\b|\\b(global|nonlocal)\\b[^\\n]*\\b${name}\\b`,
  ).test(body);
}
