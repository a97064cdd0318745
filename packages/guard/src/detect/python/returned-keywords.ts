// A value a method returns in a dictionary of keyword arguments that the class's own calls splat: betterproto's
// `def __resolve_request_kwargs(self, timeout, ...): return {"timeout": self.timeout if timeout is None else timeout,
// ...}` then `self.channel.request(route, ..., **self.__resolve_request_kwargs(timeout, deadline, metadata))`. The value
// is each such call's keyword of the key's name, judged as a keyword written there would be (`splatted-keywords.ts`
// does the same for a dictionary filled and splatted in one function).
import type { Node as TsNode } from "web-tree-sitter";
import { classOf } from "./callees.ts";
import type { SplattedKeyword } from "./splatted-keywords.ts";
import { enclosingFunction, stringContent } from "./syntax.ts";

/**
 * `read` is (a branch of a conditional expression that is) the value of a string key of the dictionary a method
 * returns, and the calls are those of its class that splat a call of that method (`**self.method(...)`).
 */
export function returnedKeyword(read: TsNode): SplattedKeyword | undefined {
  let value = read;
  for (;;) {
    const parent = value.parent;
    if (parent?.type === "parenthesized_expression") value = parent;
    // `self.timeout if timeout is None else timeout`: a branch, not the condition.
    else if (parent?.type === "conditional_expression" && parent.namedChildren[1]?.id !== value.id) value = parent;
    else break;
  }
  const pair = value.parent;
  const dictionary = pair?.parent;
  if (pair?.type !== "pair" || pair.childForFieldName("value")?.id !== value.id) return undefined;
  if (dictionary?.type !== "dictionary" || dictionary.parent?.type !== "return_statement") return undefined;
  const key = pair.childForFieldName("key");
  const name = key?.type === "string" ? stringContent(key) : undefined;
  const method = enclosingFunction(dictionary);
  const cls = method ? classOf(method) : undefined;
  const own = method?.childForFieldName("name")?.text;
  if (!name || !/^\w+$/.test(name) || !cls || !own) return undefined;
  const calls: TsNode[] = [];
  for (const splat of cls.descendantsOfType("dictionary_splat")) {
    const made = splat?.namedChildren[0];
    const call = splat?.parent?.parent;
    if (made?.type !== "call" || made.childForFieldName("function")?.text.replace(/\s+/g, "") !== `self.${own}`)
      continue;
    if (splat!.parent?.type === "argument_list" && call?.type === "call") calls.push(call);
  }
  return calls.length > 0 ? { calls, name } : undefined;
}
