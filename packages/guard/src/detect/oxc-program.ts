// A parse's AST, converted from oxc-parser's JSON on first use. oxc-parser's converter (`src-js/wrap.js`, found through
// its package's exports) is loaded with the modules that read an AST, the detector (`check-javascript.ts`) and the
// package pass (`package-facts.ts`), both loaded on demand: a commit whose files only parse never loads it.
import type { Program } from "oxc-parser";
import { jsonParseAst } from "oxc-parser/src-js/wrap.js";
import type { JsParse } from "./oxc.ts";

const programs = new WeakMap<JsParse, Program>();

/** The AST of `parsed`, converted once. */
export function programOf(parsed: JsParse): Program {
  let program = programs.get(parsed);
  if (program === undefined) programs.set(parsed, (program = jsonParseAst(parsed.programJson()) as Program));
  return program;
}
