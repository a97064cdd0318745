import type { RawFinding } from "./types.ts";
import type { EsNode } from "./javascript/ast.ts";
import { JsDetector, type JsDetectorOptions } from "./javascript/detector.ts";

export type { EsNode } from "./javascript/ast.ts";
export type { JsDetectorOptions } from "./javascript/detector.ts";
export { type FileShare, namesReachingWait } from "./javascript/file-share.ts";
export { MERGE_SHAPE } from "./javascript/option-merges.ts";

/**
 * The one JavaScript/TypeScript detector. It reads any ESTree program (oxc-parser's in the CLI,
 * ESLint's in the plugin), so both front ends report the same findings.
 *
 * Findings point at the literal: at the value where it is written in place, and at a constant's
 * initialiser when the timeout is a same-file `const` (one finding per constant, however often used).
 */
export function detectJavaScript(program: EsNode, source: string, options: JsDetectorOptions): RawFinding[] {
  return new JsDetector(options, source).run(program);
}
