import type { FileResult } from "../check.ts";
import { isPython } from "../extensions.ts";
import type { Skipped } from "../files.ts";

export interface PrettyOptions {
  color: boolean;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** `file:line:col  error  message  rule`, then a code frame with a caret under the finding. */
export function formatPretty(
  results: readonly FileResult[],
  skipped: readonly Skipped[],
  options: PrettyOptions,
): string {
  const out: string[] = [];
  const { color } = options;
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const lines = result.source.split("\n");
    for (const m of result.messages) {
      errors += m.severity === 2 ? 1 : 0;
      warnings += m.severity === 1 ? 1 : 0;
      const level = m.severity === 2 ? paint(color, 31, "error") : paint(color, 33, "warning");
      out.push(
        `${paint(color, 1, `${result.filePath}:${m.line}:${m.column}`)}  ${level}  ${m.message}  ${paint(color, 2, m.ruleId)}`,
      );
      const text = lines[m.line - 1];
      if (text !== undefined) {
        const gutter = String(m.line).padStart(5);
        const width =
          m.endLine === m.line ? Math.max(1, m.endColumn - m.column) : Math.max(1, text.length - m.column + 1);
        out.push(`${paint(color, 2, `${gutter} |`)} ${text.replace(/\t/g, " ")}`);
        out.push(
          `${" ".repeat(gutter.length)} ${paint(color, 2, "|")} ${" ".repeat(m.column - 1)}${paint(color, 31, "^".repeat(width))}`,
        );
      }
      out.push("");
    }
  }
  for (const skip of skipped) out.push(`note: skipped ${skip.path}: ${skip.reason}`);
  const checked = results.length === 1 ? "1 file" : `${results.length} files`;
  if (errors + warnings === 0) out.push(`org-guard: ${checked} checked, no problems.`);
  else {
    const summary = `${errors + warnings} problem${errors + warnings === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) in ${checked} checked`;
    out.push(paint(color, errors > 0 ? 31 : 33, `✖ ${summary}`));
    if (errors > 0) {
      const python = results.some((r) => r.errorCount > 0 && isPython(r.filePath));
      const js = results.some((r) => r.errorCount > 0 && !isPython(r.filePath));
      if (js)
        out.push(
          "Use config.TIMEOUT from @org/config, or suppress one line with: // org-guard-ignore-next-line <rule> -- <reason>",
        );
      if (python) {
        out.push(
          "Python: use config.timeout_s (`from org_toolkit import config`), or suppress one line with: # org-guard-ignore-next-line <rule> -- <reason>",
        );
      }
    }
  }
  return out.join("\n");
}
