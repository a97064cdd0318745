import type { FlakinessReport, GroupReport, TestReport } from "../analyse/analyse.ts";
import { percent } from "../analyse/stats.ts";

const interval = (i: [number, number]) => `${percent(i[0])}-${percent(i[1])}`;

function groupLine(label: string, g: GroupReport): string {
  return `${label}: ${g.tests} tests, ${g.flakyExecutions}/${g.executions} flaky executions = ${percent(g.flakeRate)} (95 % CI ${interval(g.interval)})`;
}

export function ratioLine(report: FlakinessReport): string {
  const r = report.groups.ratio;
  return `AI/human flake-rate ratio: ${r.value === null ? "n/a" : r.value.toFixed(2)}${r.interval ? ` (95 % CI ${r.interval[0].toFixed(2)}-${r.interval[1].toFixed(2)})` : ""} against ${r.threshold}x: ${r.verdict} (${r.reason})`;
}

function flags(t: TestReport): string {
  return [t.category ?? "", t.ciOnly ? "ci-only" : ""].filter(Boolean).join(", ");
}

/** The terminal table: groups, the ratio, then every test with flaky executions or failures. */
export function formatTable(report: FlakinessReport, limit = 30): string {
  const rows = report.tests.filter((t) => t.flakyExecutions > 0 || t.failures > 0).slice(0, limit);
  const header = ["test", "origin", "runs", "flaky", "flake rate (95 % CI)", "fail rate", "notes"];
  const body = rows.map((t) => [
    t.id,
    t.origin,
    String(t.executions),
    String(t.flakyExecutions),
    `${percent(t.flakeRate)} (${interval(t.interval)})`,
    percent(t.failureRate),
    flags(t),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [
    `Flakiness since ${report.since}`,
    groupLine("AI-assisted", report.groups.ai),
    groupLine("human", report.groups.human),
    ...(report.groups.unknown.tests ? [groupLine("unknown origin", report.groups.unknown)] : []),
    ratioLine(report),
    "",
  ];
  if (rows.length === 0) out.push(`No flaky or failing tests among ${report.tests.length}.`);
  else out.push(line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line));
  for (const t of rows) {
    for (const f of t.guardFindings) out.push(`  ${t.id}: hardcoded timeout at ${f.file}:${f.line}: ${f.source}`);
  }
  return out.join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Markdown for a pull-request or issue comment. */
export function formatMarkdown(report: FlakinessReport, limit = 20): string {
  const r = report.groups.ratio;
  const rows = report.tests.filter((t) => t.flakyExecutions > 0 || t.failures > 0).slice(0, limit);
  const out = [
    `### Flakiness by origin (since ${report.since})`,
    "",
    "| group | tests | flaky / executions | flake rate | 95 % CI |",
    "| --- | ---: | ---: | ---: | --- |",
    ...(["ai", "human"] as const).map((k) => {
      const g = report.groups[k];
      return `| ${k === "ai" ? "AI-assisted" : "human"} | ${g.tests} | ${g.flakyExecutions} / ${g.executions} | ${percent(g.flakeRate)} | ${interval(g.interval)} |`;
    }),
    "",
    `**AI/human ratio: ${r.value === null ? "n/a" : `${r.value.toFixed(2)}x`}** against ${r.threshold}x: **${r.verdict}**. ${cell(r.reason)}`,
    "",
  ];
  if (rows.length > 0) {
    out.push("| test | origin | flaky / runs | flake rate | notes |", "| --- | --- | ---: | ---: | --- |");
    for (const t of rows) {
      const guard = t.guardFindings
        .map((f) => `hardcoded timeout \`${cell(f.source)}\` (${f.file}:${f.line})`)
        .join("; ");
      out.push(
        `| \`${cell(t.id)}\` | ${t.origin} | ${t.flakyExecutions} / ${t.executions} | ${percent(t.flakeRate)} | ${cell([flags(t), guard].filter(Boolean).join("; "))} |`,
      );
    }
  } else out.push(`No flaky or failing tests among ${report.tests.length}.`);
  return out.join("\n");
}

/** The JSON report: `{ since, groups: { ai, human, unknown, ratio }, tests: [...], series: [...] }`. */
export function formatJson(report: FlakinessReport): string {
  return JSON.stringify(report, null, 2);
}
