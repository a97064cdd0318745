import type { AuditReport, OriginCounts } from "./types.ts";

export const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
export const dec = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const originRow = (label: string, c: OriginCounts) => row([label, c.ai, c.human, pct(c.share)]);

/** The report as Markdown (for a wiki page or an issue). */
export function reportMarkdown(report: AuditReport): string {
  const { window: w, commits, changedLines, alive, guard, fixups } = report;
  return [
    `# AI-assisted code audit: ${w.since} to ${w.until}`,
    "",
    `${commits.total} commits in the window, ${commits.ai} AI-assisted (${pct(commits.share)}). Blamed at ${w.endRevision?.slice(0, 12) ?? "(no commit before the window's end)"}.`,
    "",
    "## Changed lines (added + deleted)",
    "",
    row(["", "AI", "human", "AI share"]),
    row(["---", "---:", "---:", "---:"]),
    originRow("all", changedLines),
    ...changedLines.byGroup.map((g) => originRow(`\`${g.group}\` (${g.aiCommits}/${g.commits} commits AI)`, g)),
    "",
    "## Lines alive at the window's end",
    "",
    row(["", "AI", "human", "AI share"]),
    row(["---", "---:", "---:", "---:"]),
    originRow(`all (${alive.files} files)`, alive.lines),
    originRow("written in the window", alive.writtenInWindow),
    "",
    "## org-guard findings per 1,000 lines, by origin",
    "",
    row(["rule", "AI findings", "human findings", "AI per 1,000", "human per 1,000"]),
    row(["---", "---:", "---:", "---:", "---:"]),
    row(["all", guard.findings.ai, guard.findings.human, dec(guard.per1000.ai), dec(guard.per1000.human)]),
    ...guard.byRule.map((r) => row([`\`${r.rule}\``, r.ai, r.human, dec(r.aiPer1000), dec(r.humanPer1000)])),
    "",
    `Lines checked: ${guard.linesChecked.ai} AI, ${guard.linesChecked.human} human. Suppressions alive: ${guard.suppressions.ai} in AI lines, ${guard.suppressions.human} in human lines (added in the window: ${guard.suppressions.addedInWindow.ai} AI, ${guard.suppressions.addedInWindow.human} human).`,
    "",
    `## Fix-ups (subjects matching \`${fixups.pattern}\`)`,
    "",
    `${fixups.commits.length} fix-up commits changed ${fixups.lines.ai} lines written by AI-assisted commits and ${fixups.lines.human} written by people: ${dec(fixups.per1000Added.ai)} vs ${dec(fixups.per1000Added.human)} per 1,000 lines each added in the window.`,
    "",
    ...fixups.commits.map((f) => `- \`${f.sha.slice(0, 8)}\` ${f.subject}: ${f.ai} AI lines, ${f.human} human lines`),
    ...(fixups.commits.length ? [""] : []),
    "## What to tell the assistants",
    "",
    ...report.guidelines.map((g) => `- ${g}`),
    "",
    ...report.sections.flatMap((s) => [`## ${s.title}`, "", s.markdown.trim(), ""]),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}
