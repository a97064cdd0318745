// JavaScript/TypeScript parsing with oxc-parser, converting only what a file's check reads.
import type { Comment, OxcError, ParserOptions } from "oxc-parser";
import { offsetOf, withoutFlowTypes } from "./flow-types.ts";
import { parseNative } from "./oxc-binding.ts";

/** A parse whose AST (`programOf`, `oxc-program.ts`) and comments are converted on first use. */
export interface JsParse {
  errors: OxcError[];
  /** The text parsed when it is not the file's: its Flow types blanked out (same offsets, lines and columns). */
  source?: string;
  /** The AST as oxc-parser's JSON, read from the native result once: `programOf` converts it. */
  programJson(): string;
  comments(): Comment[];
}

/**
 * Parses as the extension says first; plain JavaScript that fails is retried as JSX and as
 * CommonJS (top-level `return`, `await` as a name), then with its Flow types blanked out (oxc-parser reads no Flow:
 * React Native and other Facebook-style packages ship it as `.js`), before its first error is reported.
 *
 * oxc-parser's `parseSync` converts every field of the native result at once: the module record
 * (imports and exports, never used here), the comments and the AST as a JSON string. Most files
 * cannot hold a finding and need only their errors, so fields are read here one by one: the
 * module record never, the comments and the AST's JSON only for a file that is checked. An unread
 * JSON string stays in native memory until the result is collected, but reading it costs more: a
 * JavaScript copy of about seven times the source (two bytes a character when the file holds a
 * character past Latin-1) and the page faults and collections of that copy (bench/speed.mjs's tree:
 * whole-run CPU -7 %, peak memory +15-20 %; eval/README.md, session 19's speed section).
 */
export function parseJavaScript(filePath: string, source: string, ext: string, flow = true): JsParse {
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
  return (flow && withoutFlow(filePath, source, ext, first)) || first;
}

/**
 * The parse of `source` with its Flow types blanked out: for a file oxc-parser refuses as Flow (its `@flow` pragma),
 * or, when that parses, one that fails otherwise and may be Flow without the pragma (read as Flow throughout). Only files
 * that fail to parse get here, so the Flow parser costs a run nothing until it meets one.
 */
function withoutFlow(filePath: string, source: string, ext: string, first: JsParse): JsParse | undefined {
  const pragma = first.errors.some((e) => /\bFlow is not supported\b/.test(e.message));
  const stripped = withoutFlowTypes(source, !pragma);
  if (stripped === undefined || (typeof stripped !== "string" && !pragma)) return undefined;
  if (typeof stripped !== "string") {
    // A @flow file Flow's parser cannot read either: its error, where it stopped.
    const start = offsetOf(source, stripped);
    const error = { severity: "Error", message: stripped.message, labels: [{ start, end: start + 1 }] };
    return { ...first, errors: [error as OxcError] };
  }
  const result = parseJavaScript(filePath, stripped, ext, false);
  // A @flow file that still fails reports its error past the types, not oxc-parser's "Flow is not supported".
  return hasError(result) && !pragma ? undefined : { ...result, source: stripped };
}

function hasError(parse: JsParse): boolean {
  return parse.errors.some((e) => e.severity === "Error");
}

function parse(filePath: string, source: string, options: ParserOptions): JsParse {
  const native = parseNative(filePath, source, options);
  const errors = native.errors;
  let json: string | undefined;
  let comments: Comment[] | undefined;
  return {
    errors,
    programJson() {
      return (json ??= native.program);
    },
    comments() {
      return (comments ??= native.comments);
    },
  };
}
