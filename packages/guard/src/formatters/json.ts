import { resolve } from "node:path";
import type { FileResult } from "../check.ts";

/** ESLint's JSON formatter shape: one entry per checked file, absolute paths. */
export function formatJson(results: readonly FileResult[], cwd: string): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: resolve(cwd, r.filePath),
      messages: r.messages,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
    })),
  );
}
