import type { RawFinding } from "./detect/types.ts";
import { DIRECTIVE, RULES, type RuleId } from "./rules.ts";

export { DIRECTIVE };

/** A comment as a parser reports it: its text without delimiters and its range. */
export interface SourceComment {
  text: string;
  start: number;
  end: number;
}

export interface Suppression {
  rules: RuleId[];
  reason: string;
  /** 1-based line of the comment's end; it covers the next line. */
  line: number;
  start: number;
  end: number;
  /** Why the comment suppresses nothing, when it is malformed. */
  problem?: string;
}

const SUPPRESSIBLE = new Set<RuleId>(["no-hardcoded-timeout", "no-unbounded-timeout", "no-local-cache-delete"]);

/**
 * Reads `org-guard-ignore-next-line <rule>[, <rule>] -- <reason>` comments. A comment without a
 * reason, or naming a rule that does not exist, is returned with a `problem` and suppresses nothing.
 */
function parseSuppressions(comments: readonly SourceComment[], lineOf: (offset: number) => number): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of comments) {
    const text = comment.text.replace(/^[#/*\s]+/, "").trim();
    if (!text.startsWith(DIRECTIVE)) continue;
    const body = text.slice(DIRECTIVE.length);
    const separator = body.indexOf("--");
    const rulePart = (separator < 0 ? body : body.slice(0, separator)).trim();
    const reason =
      separator < 0
        ? ""
        : body
            .slice(separator + 2)
            .replace(/\*\/$/, "")
            .trim();
    const rules = rulePart.split(/[\s,]+/).filter(Boolean);
    const base = { reason, line: lineOf(comment.end), start: comment.start, end: comment.end };
    const unknown = rules.filter((rule) => !SUPPRESSIBLE.has(rule as RuleId));
    let problem: string | undefined;
    if (rules.length === 0) problem = `names no rule; write "${DIRECTIVE} <rule> -- <reason>"`;
    else if (unknown.length > 0) {
      problem = `names unknown rule "${unknown[0]}" (known: ${[...SUPPRESSIBLE].join(", ")})`;
    } else if (!reason) problem = `has no reason; add "-- <why this timeout is right here>"`;
    found.push({ ...base, rules: rules.filter((r): r is RuleId => r in RULES), ...(problem ? { problem } : {}) });
  }
  return found;
}

/**
 * Drops the findings a valid suppression covers, and adds findings for suppressions that are
 * malformed (`invalid-suppression`) or cover nothing (`unused-suppression`). The one place both
 * the CLI and the ESLint plugin match suppressions.
 */
export function applySuppressions(
  raw: readonly RawFinding[],
  comments: readonly SourceComment[],
  lineOf: (offset: number) => number,
): RawFinding[] {
  const suppressions = parseSuppressions(comments, lineOf);
  const kept: RawFinding[] = [];
  const used = new Set<number>();
  for (const finding of raw) {
    const line = lineOf(finding.start);
    const index = suppressions.findIndex((s) => !s.problem && s.line + 1 === line && s.rules.includes(finding.ruleId));
    if (index >= 0) used.add(index);
    else kept.push(finding);
  }
  suppressions.forEach((s, index) => {
    if (s.problem) {
      kept.push({
        ruleId: "invalid-suppression",
        start: s.start,
        end: s.end,
        message: `This ${DIRECTIVE} ${s.problem}.`,
      });
    } else if (!used.has(index)) {
      kept.push({
        ruleId: "unused-suppression",
        start: s.start,
        end: s.end,
        message: `Unused ${DIRECTIVE}: line ${s.line + 1} has no ${s.rules.join(" or ")} finding. Remove the comment.`,
      });
    }
  });
  return kept;
}
