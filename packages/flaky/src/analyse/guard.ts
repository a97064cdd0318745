import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestLocation } from "../origin/locate.ts";

/** A hardcoded or unbounded timeout org-guard found where a flaky timeout test lives. */
export interface GuardFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** The line's text, trimmed. */
  source: string;
}

const TIMEOUT_RULES = new Set(["no-hardcoded-timeout", "no-unbounded-timeout"]);

/**
 * Runs org-guard on a test file once and keeps its timeout findings (a file with many flaky tests is
 * read once, not once per test).
 */
export async function fileTimeoutFindings(cwd: string, file: string): Promise<GuardFinding[]> {
  // org-guard (and its parsers) load only when a report has a flaky timeout test to check.
  const { checkFiles } = await import("@org/guard");
  let results;
  try {
    ({ results } = await checkFiles({ cwd, paths: [file] }));
  } catch {
    return []; // a repository org-guard cannot read (bad config): the report still stands
  }
  const text = (() => {
    try {
      return readFileSync(join(cwd, file), "utf8").split("\n");
    } catch {
      return [];
    }
  })();
  const findings: GuardFinding[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (!TIMEOUT_RULES.has(m.ruleId)) continue;
      findings.push({
        file,
        line: m.line,
        column: m.column,
        rule: m.ruleId,
        message: m.message,
        source: (text[m.line - 1] ?? "").trim(),
      });
    }
  }
  return findings;
}

/**
 * The findings of a test's file that belong to the test: inside it, or outside every test (a
 * module-level `TIMEOUT = 5` it uses); findings inside other tests belong to them.
 */
export function testGuardFindings(
  findings: readonly GuardFinding[],
  lines: [number, number] | undefined,
  locations: readonly TestLocation[] | undefined,
): GuardFinding[] {
  const inside = (line: number, range: [number, number]) => line >= range[0] && line <= range[1];
  return findings.filter((f) => {
    const own = lines ? inside(f.line, lines) : true;
    const elsewhere = (locations ?? []).some((l) => inside(f.line, [l.startLine, l.endLine]));
    return own || !elsewhere;
  });
}
