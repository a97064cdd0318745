// A value handed to a function of this file that waits with it: fritzconnection's `get_xml_root(source,
// timeout=timeout)` hands it on to `get_content_from`, whose `requests.get(url, timeout=timeout)` is the wait; slidge's
// `self._get_session_from_jid(jid, timeout, ...)` runs a method of the class that waits with its `timeout`. The hand-on
// is then the wait itself, so a kept None reaches it as it would reach `requests.get`.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf, positionalIndex, positionalParameter } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import { parameterNode } from "./handed-no-wait.ts";
import { selfMethodDefinitions } from "./own-methods.ts";
import type { ArgumentSlot } from "./syntax.ts";

/**
 * Whether the call of `slot` runs this file's own module function, or only definitions a `self` call may run, each of
 * which has a parameter the argument fills and waits with it (`waits`: the caller's test, one hop further).
 */
export function ownCalleesWaitWith(
  facts: PyFacts,
  slot: ArgumentSlot,
  waits: (fn: TsNode, parameter: string) => boolean,
): boolean {
  const { argument, keyword, list, call, written } = slot;
  const callee = calleeOf(call, written);
  let targets: { fn: TsNode; offset: number }[];
  if (callee) {
    if (callee.kind !== "call") return false; // a constructor keeps what it is handed: `settings.ts` follows that
    targets = [{ fn: callee.fn, offset: 0 }];
  } else {
    const definitions = written.startsWith("self.") ? selfMethodDefinitions(facts, call) : undefined;
    if (!definitions) return false;
    targets = definitions.map((fn) => ({ fn, offset: takesSelf(fn) ? 1 : 0 }));
  }
  return targets.every(({ fn, offset }) => {
    const parameter = keyword
      ? keyword.childForFieldName("name")?.text
      : positionalParameter({ fn, kind: "call", offset }, list, argument);
    return parameter !== undefined && parameterNode(fn, parameter) !== undefined && waits(fn, parameter);
  });
}

// A method's first parameter is its object unless it is a static method.
function takesSelf(fn: TsNode): boolean {
  const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  return !decorated?.namedChildren.some((child) => child?.type === "decorator" && /\bstaticmethod\b/.test(child.text));
}

/**
 * `session.wait_for_ready(timeout)`: a method, on an object this file cannot follow, every definition of which in the
 * package waits with the parameter the argument fills (the package pass's `methodWaits` and `methodPlaces`).
 */
export function packageMethodWaitsWith(facts: PyFacts, slot: ArgumentSlot): boolean {
  const { argument, keyword, list, written } = slot;
  const python = facts.options.python;
  const method = written.includes(".") ? written.slice(written.lastIndexOf(".") + 1) : undefined;
  if (!python || !method) return false;
  if (keyword) {
    const name = keyword.childForFieldName("name")?.text ?? "";
    return python.methodWaits !== undefined && Object.hasOwn(python.methodWaits, method)
      ? python.methodWaits[method]!.includes(name)
      : false;
  }
  const place = positionalIndex(list, argument);
  return python.methodPlaces !== undefined && Object.hasOwn(python.methodPlaces, method)
    ? python.methodPlaces[method]!.includes(place)
    : false;
}
