// The JavaScript half of a file's check past its parse, loaded with the first file that may hold a finding (`check.ts`
// imports it on demand): most files of a commit only parse, and the detector is most of org-guard's code.
import visitorKeys from "oxc-parser/src-js/generated/visit/keys";
import type { GuardConfig } from "./config.ts";
import { detectJavaScript, type EsNode } from "./detect/javascript.ts";
import type { JsParse } from "./detect/oxc.ts";
import { programOf } from "./detect/oxc-program.ts";
import { isTypeTestFile } from "./detect/type-tests.ts";
import type { RawFinding } from "./detect/types.ts";
import { internalsOf, type PackageFacts, packageFileKey } from "./package-facts-shape.ts";
import type { SourceComment } from "./suppressions.ts";

/** A parsed JavaScript/TypeScript file's findings and the comments its suppressions are read from. */
export function detectJavaScriptFile(
  filePath: string,
  source: string,
  parsed: JsParse,
  config: GuardConfig,
  packageFacts: PackageFacts | undefined,
): { raw: RawFinding[]; comments: SourceComment[] } {
  if (isTypeTestFile(filePath, source)) return { raw: [], comments: [] };
  // A defaults table another module merges: its keys that module shows reaching a wait (`option-merges.ts`).
  const internals = internalsOf(packageFacts);
  const table = internals?.tables?.get(packageFileKey(filePath));
  // The AST comes over as JSON, parsed only here: files that cannot hold a finding are
  // syntax-checked but never deserialised (most of a commit).
  return {
    raw: detectJavaScript(programOf(parsed) as unknown as EsNode, source, {
      ...config,
      path: filePath,
      visitorKeys,
      packageFacts: packageFacts && {
        ...packageFacts,
        helpers: internals?.helpers,
        table,
        retries: internals?.retries,
        periods: internals?.periods,
        unread: internals?.unread,
        backoffs: internals?.backoffs,
        bounds: internals?.bounds,
        sleepers: internals?.sleepers,
        clientTimeout: internals?.clientTimeout,
      },
    }),
    comments: parsed.comments().map((c) => ({ text: c.value, start: c.start, end: c.end })),
  };
}
