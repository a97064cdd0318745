// Flow type annotations blanked out, for JavaScript files oxc-parser refuses as Flow (`flow-remove-types`, loaded with
// the first such file: a run without one never loads it or its parser).
import { createRequire } from "node:module";

type RemoveTypes = (source: string, options?: { all?: boolean }) => { toString(): string };
let removeTypes: RemoveTypes | undefined;

/** Where Flow's parser stopped in a file it cannot read: a 1-based line, a 0-based column. */
export interface FlowError {
  message: string;
  line: number;
  column: number;
}

/**
 * `source` with its Flow types, type imports and `@flow` pragma replaced by spaces (line breaks kept, so every offset,
 * line and column stays where it was), `undefined` when it holds none, or Flow's parser's error when it cannot read it.
 * `all` reads a file without the pragma as Flow too.
 */
export function withoutFlowTypes(source: string, all: boolean): string | FlowError | undefined {
  try {
    removeTypes ??= createRequire(import.meta.url)("flow-remove-types") as RemoveTypes;
    const stripped = removeTypes(source, { all }).toString();
    return stripped !== source && stripped.length === source.length ? stripped : undefined;
  } catch (error) {
    const { message, loc } = error as { message?: unknown; loc?: { line?: unknown; column?: unknown } };
    if (typeof message !== "string" || typeof loc?.line !== "number" || typeof loc.column !== "number")
      return undefined;
    return { message: message.replace(/ \(\d+:\d+\)$/, ""), line: loc.line, column: loc.column };
  }
}

/** The offset of a Flow error's line and column in `source`. */
export function offsetOf(source: string, { line, column }: FlowError): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf("\n", start);
    if (next === -1) break;
    start = next + 1;
  }
  return Math.min(source.length, start + column);
}
