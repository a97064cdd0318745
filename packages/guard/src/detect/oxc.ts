// JavaScript/TypeScript parsing with oxc-parser, converting only what a file's check reads.
import type { Comment, OxcError, ParserOptions, Program } from "oxc-parser";
import { parseSync as parseNative } from "oxc-parser/src-js/bindings";
import { jsonParseAst } from "oxc-parser/src-js/wrap.js";

/** A parse whose AST and comments are converted on first use. */
export interface JsParse {
  errors: OxcError[];
  program(): Program;
  comments(): Comment[];
}

/**
 * Parses as the extension says first; plain JavaScript that fails is retried as JSX and as
 * CommonJS (top-level `return`, `await` as a name) before its first error is reported.
 *
 * oxc-parser's `parseSync` converts every field of the native result at once: the module record
 * (imports and exports, never used here), the comments and the AST as a JSON string. Most files
 * cannot hold a finding and need only their errors, so fields are read here one by one: the
 * module record never, the comments and the parsed AST only for a file that is checked. The JSON
 * string is always taken (as `parseSync` does): reading it frees the native copy at once, where
 * an unread one would wait for a garbage collection the JavaScript heap never asks for.
 */
export function parseJavaScript(filePath: string, source: string, ext: string): JsParse {
  const options = { astType: "js", preserveParens: false } as const;
  const first = parse(filePath, source, { ...options, sourceType: ext === ".cjs" ? "commonjs" : "module" });
  if (!hasError(first) || ![".js", ".cjs", ".mjs", ".jsx"].includes(ext)) return first;
  const retries: ParserOptions[] = [
    { ...options, sourceType: "module", lang: "jsx" },
    { ...options, sourceType: "commonjs", lang: "js" },
    { ...options, sourceType: "commonjs", lang: "jsx" },
  ];
  for (const retry of retries) {
    if (ext === ".mjs" && retry.sourceType === "commonjs") continue;
    const result = parse(filePath, source, retry);
    if (!hasError(result)) return result;
  }
  return first;
}

function hasError(parse: JsParse): boolean {
  return parse.errors.some((e) => e.severity === "Error");
}

function parse(filePath: string, source: string, options: ParserOptions): JsParse {
  const native = parseNative(filePath, source, options);
  const errors = native.errors;
  let json: string | null = native.program;
  let program: Program | undefined;
  let comments: Comment[] | undefined;
  return {
    errors,
    program() {
      if (!program) {
        program = jsonParseAst(json!);
        json = null;
      }
      return program;
    },
    comments() {
      return (comments ??= native.comments);
    },
  };
}
