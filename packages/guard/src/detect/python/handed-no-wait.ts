// `class JitterRetry(ExponentialRetry): def __init__(self, start_timeout=0.1): super().__init__(start_timeout=
// start_timeout)`: a value handed unchanged to a constructor of this file (a base's `__init__`, a class called by
// name: `callees.ts`) whose parameter of that place bounds no wait there (`lifetimes.ts` `boundsNoWait`: a backoff
// base, a lifetime, a sleep) bounds none here either. Where the parameter waits, the hand-on is a wait.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf, positionalParameter } from "./callees.ts";
import { argumentSlot, parameterName } from "./syntax.ts";

/** The callee's function and the name of its parameter `read` is handed to, if `read` is a whole argument of a call of this file's own function. */
export function handedToOwn(read: TsNode): { fn: TsNode; parameter: string } | undefined {
  const slot = argumentSlot(read);
  if (!slot) return undefined;
  const callee = calleeOf(slot.call, slot.written);
  // A constructor only (a base's `__init__`, a class called by name): what an object keeps, its methods show. A module
  // function's reads may be text the judgement cannot follow (gavo's `"%s ms" % int(timeout*1000)` sent as SQL).
  if (!callee || callee.kind === "call") return undefined;
  const parameter = slot.keyword
    ? slot.keyword.childForFieldName("name")?.text
    : positionalParameter(callee, slot.list, slot.argument);
  return parameter ? { fn: callee.fn, parameter } : undefined;
}

/** The parameter node of `fn` named `name` (plain, typed or with a default). */
export function parameterNode(fn: TsNode, name: string): TsNode | undefined {
  return (
    fn.childForFieldName("parameters")?.namedChildren.find((p) => p !== null && parameterName(p) === name) ?? undefined
  );
}
