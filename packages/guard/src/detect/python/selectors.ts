// The standard library's `selectors` objects: `sel.select(0.1)` waits up to its first argument for a registered file
// to be ready ("If timeout > 0, this specifies the maximum wait time, in seconds"; None blocks, <= 0 polls). `select`
// is a common method name (an ORM's `Model.select(1)`, a GUI list's `select(0)`), so the call counts only on a receiver
// the file binds to a `selectors` constructor, never by its name alone.
import type { Node as TsNode } from "web-tree-sitter";
import type { TimeoutApi } from "../../apis.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText } from "./syntax.ts";

// `selectors.DefaultSelector()` and the concrete selectors it picks from.
const CONSTRUCTOR = /^selectors\.(Default|Select|Poll|Epoll|Devpoll|Kqueue)Selector$/;

// How many plain copies (`sel = self._selector`) are followed back to a constructor.
const COPIES = 2;

/** What a selector's `select` is to the API table: its timeout first or as `timeout=`; 0 polls. */
const SELECT: TimeoutApi = {
  language: "python",
  callee: "selectors.BaseSelector.select",
  argument: 0,
  keyword: "timeout",
};

/**
 * The API a `select(...)` call is when its receiver is a `selectors` object: the constructor's result itself, or a
 * name or attribute the file binds to one (`sel = selectors.DefaultSelector()`, `self._selector =
 * selectors.PollSelector()`), through up to two plain copies. A receiver the file binds only otherwise, or never (a
 * parameter), is not one: a same-file factory is not followed, and neither is another module's object.
 */
export function selectorSelect(facts: PyFacts, call: TsNode, method: string): TimeoutApi | undefined {
  if (method !== "select" || !facts.importsModule("selectors")) return undefined;
  const receiver = call.childForFieldName("function")?.childForFieldName("object");
  return receiver && boundToSelector(facts, receiver, COPIES) ? SELECT : undefined;
}

function boundToSelector(facts: PyFacts, value: TsNode, copies: number): boolean {
  if (value.type === "call") return CONSTRUCTOR.test(facts.resolve(calleeText(value)));
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  return facts
    .bindingSources(value)
    .some(
      (source) =>
        source !== null && (source.type === "call" || copies > 0) && boundToSelector(facts, source, copies - 1),
    );
}
