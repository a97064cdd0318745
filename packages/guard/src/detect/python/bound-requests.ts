// A timeout bound onto a requests session's method, the workaround requests' docs give for its lack of a session-wide
// timeout: `self._http_client = requests.Session()` then `self._http_client.request =
// functools.partial(self._http_client.request, timeout=timeout)`. Every request the session sends later waits with
// that value, so a constructor's None there is the object's own "no limit" (requests' None waits forever).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { SESSION_CLASSES } from "./http.ts";
import { unwrap } from "./syntax.ts";

/** Whether `use` is the `timeout=` of a `functools.partial` over a method of a requests session made in `fn`. */
export function boundOntoSession(facts: PyFacts, fn: TsNode, use: TsNode): boolean {
  const keyword = use.parent;
  const call = keyword?.parent?.parent;
  if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("value")?.id !== use.id) return false;
  if (keyword.childForFieldName("name")?.text !== "timeout" || call?.type !== "call") return false;
  const written = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  if (facts.resolve(written) !== "functools.partial" && written !== "functools.partial") return false;
  const method = call.childForFieldName("arguments")?.namedChildren.find((c) => c?.type !== "comment");
  if (!method || unwrap(method).type !== "attribute") return false;
  const session = unwrap(method).childForFieldName("object")?.text.replace(/\s+/g, "");
  return session !== undefined && madeAsSession(facts, fn, session);
}

// `session = requests.Session()` (or `self._http_client = ...`) in `fn`: the object is a requests session made here.
function madeAsSession(facts: PyFacts, fn: TsNode, target: string): boolean {
  for (const assignment of fn.childForFieldName("body")?.descendantsOfType("assignment") ?? []) {
    const left = assignment?.childForFieldName("left");
    const right = assignment?.childForFieldName("right");
    if (!left || right?.type !== "call" || left.text.replace(/\s+/g, "") !== target) continue;
    const callee = right.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
    const path = facts.resolve(callee);
    if ((SESSION_CLASSES.has(path) || SESSION_CLASSES.has(callee)) && /^requests\./.test(path || callee)) return true;
  }
  return false;
}
