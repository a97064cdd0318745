// Types of oxc-parser's native binding and JSON reader (exported subpaths without declarations).
declare module "oxc-parser/src-js/bindings" {
  import type { Comment, OxcError, ParserOptions } from "oxc-parser";
  /** Each getter converts (and frees) its native field on first read. */
  export interface NativeParseResult {
    readonly program: string;
    readonly comments: Comment[];
    readonly errors: OxcError[];
  }
  export function parseSync(filename: string, sourceText: string, options?: ParserOptions): NativeParseResult;
}

declare module "oxc-parser/src-js/wrap.js" {
  import type { Program } from "oxc-parser";
  export function jsonParseAst(programJson: string): Program;
}
