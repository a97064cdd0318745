// `class JitterRetry(ExponentialRetry): def __init__(self, start_timeout=0.1): super().__init__(start_timeout=
// start_timeout)`: a value handed unchanged to a constructor of this file (a base's `__init__`, a class called by
// name: `callees.ts`) whose parameter of that place bounds no wait there (`lifetimes.ts` `boundsNoWait`: a backoff
// base, a lifetime, a sleep) bounds none here either. Where the parameter waits, the hand-on is a wait.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf, positionalParameter } from "./callees.ts";

/** The callee's function and the name of its parameter `read` is handed to, if `read` is a whole argument of a call of this file's own function. */
export function handedToOwn(read: TsNode): { fn: TsNode; parameter: string } | undefined {
  let argument = read;
  while (argument.parent?.type === "parenthesized_expression") argument = argument.parent;
  const keyword = argument.parent?.type === "keyword_argument" ? argument.parent : undefined;
  if (keyword && keyword.childForFieldName("value")?.id !== argument.id) return undefined;
  const list = keyword ? keyword.parent : argument.parent;
  const call = list?.parent;
  if (list?.type !== "argument_list" || call?.type !== "call") return undefined;
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  const callee = calleeOf(call, written);
  // A constructor only (a base's `__init__`, a class called by name): what an object keeps, its methods show. A module
  // function's reads may be text the judgement cannot follow (gavo's `"%s ms" % int(timeout*1000)` sent as SQL).
  if (!callee || callee.kind === "call") return undefined;
  const parameter = keyword ? keyword.childForFieldName("name")?.text : positionalParameter(callee, list, argument);
  return parameter ? { fn: callee.fn, parameter } : undefined;
}

/** The parameter node of `fn` named `name` (plain, typed or with a default). */
export function parameterNode(fn: TsNode, name: string): TsNode | undefined {
  for (const parameter of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!parameter) continue;
    const own =
      parameter.type === "identifier"
        ? parameter.text
        : parameter.type === "typed_parameter"
          ? parameter.namedChildren[0]?.text
          : parameter.childForFieldName("name")?.text;
    if (own === name) return parameter;
  }
  return undefined;
}
