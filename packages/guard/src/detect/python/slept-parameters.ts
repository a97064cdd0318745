// A keyword handed to the file's own function or method that only sleeps with it (session 52, fresh221's pa-dlna):
// `await self.patch_soap_action('remove', ctx, timeout=0.2)`, whose body reads `timeout` only in `if timeout: await
// asyncio.sleep(timeout)`, is how long the helper pauses, not a bound on a wait. Every definition a `self` call may run
// must read the parameter only in sleeps and tests of it, and sleep with it at least once.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf, enclosingClass, resolveMethod } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { selfMethodDefinitions } from "./own-methods.ts";
import { isSleep } from "./sleeps.ts";

/** Whether the call's own callee reads its parameter `name` only as a sleep's duration (and tests of it). */
export function sleptByOwnCallee(facts: PyFacts, call: TsNode, written: string, name: string): boolean {
  const callee = written.startsWith("self.") ? undefined : calleeOf(call, written);
  const definitions = written.startsWith("self.")
    ? (selfMethodDefinitions(facts, call) ?? ownMethod(call, written.slice(5)))
    : callee?.kind === "call"
      ? [callee.fn]
      : undefined;
  return definitions !== undefined && definitions.length > 0 && definitions.every((fn) => onlySleepsWith(fn, name));
}

/** Without the package's facts: the method the caller's own class defines (a test case's helper). */
function ownMethod(call: TsNode, name: string): TsNode[] | undefined {
  const cls = enclosingClass(call);
  const fn = cls && /^\w+$/.test(name) ? resolveMethod(cls, name) : undefined;
  return fn && [fn];
}

function onlySleepsWith(fn: TsNode, name: string): boolean {
  const parameters = fn.childForFieldName("parameters")?.namedChildren ?? [];
  const takes = parameters.some(
    (parameter) =>
      parameter !== null &&
      (parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text) === name,
  );
  const body = fn.childForFieldName("body");
  if (!takes || !body) return false;
  let slept = false;
  for (const read of body.descendantsOfType("identifier")) {
    if (read?.text !== name) continue;
    if (
      read.parent?.type === "argument_list" &&
      read.parent.namedChildren[0]?.id === read.id &&
      isSleep(read.parent.parent)
    ) {
      slept = true;
      continue;
    }
    if (!testedOnly(read)) return false;
  }
  return slept;
}

/** `if timeout:`, `if timeout is not None and timeout > 0:`: the name read only to decide whether to sleep. */
function testedOnly(read: TsNode): boolean {
  let node = read;
  while (
    node.parent &&
    /^(boolean_operator|not_operator|comparison_operator|parenthesized_expression)$/.test(node.parent.type)
  )
    node = node.parent;
  const parent = node.parent;
  return (
    parent !== null &&
    /^(if_statement|elif_clause|while_statement|conditional_expression)$/.test(parent.type) &&
    parent.childForFieldName("condition")?.id === node.id
  );
}
