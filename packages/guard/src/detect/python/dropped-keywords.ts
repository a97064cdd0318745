// A timeout keyword handed to a class or function of the same file that has no such parameter and never reads the
// `**kwargs` that swallow it (`_dummySerial(device, 38400, timeout=0.1)` with `def __init__(self, *args, **kwargs):`
// building canned data): the value goes nowhere, it bounds nothing (README "Defaults a body never reads"). A callee
// that reads its `**kwargs` (hands them on, looks the key up) keeps the value, and a callee with a `timeout`
// parameter is judged by what it does with it elsewhere.
import type { Node as TsNode } from "web-tree-sitter";
import { calleeOf } from "./callees.ts";

export function droppedByOwnCallee(call: TsNode, written: string, name: string): boolean {
  const fn = calleeOf(call, written)?.fn;
  const parameters = fn?.childForFieldName("parameters")?.namedChildren ?? [];
  let swallowed: string | undefined;
  for (const parameter of parameters) {
    if (!parameter) continue;
    if (parameter.type === "dictionary_splat_pattern") {
      swallowed = parameter.namedChildren.find((c) => c?.type === "identifier")?.text;
      continue;
    }
    const own = parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text;
    if (own === name) return false;
  }
  const body = fn?.childForFieldName("body");
  if (!swallowed || !body) return false;
  // `locals()` and `vars()` read every parameter; so does any mention of the splat's name.
  return !body
    .descendantsOfType("identifier")
    .some((id) => id?.text === swallowed || id?.text === "locals" || id?.text === "vars");
}
