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

declare module "oxc-parser/src-js/generated/visit/keys" {
  /**
   * The child keys of each node type (what `oxc-parser` exports as `visitorKeys`), from the file that defines them:
   * importing `oxc-parser` itself for them would load its visitor and raw-transfer modules on every commit.
   */
  const visitorKeys: Readonly<Record<string, readonly string[]>>;
  export default visitorKeys;
}
