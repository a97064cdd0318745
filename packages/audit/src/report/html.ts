import { escapeHtml as escape, htmlReportPage } from "@org/cli-kit/html";
import { dec, pct } from "./markdown.ts";
import type { AuditReport } from "./types.ts";

function table(caption: string, head: string[], rows: (string | number)[][]): string {
  return [
    `<table><caption>${escape(caption)}</caption><thead><tr>`,
    ...head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ""}>${escape(h)}</th>`),
    "</tr></thead><tbody>",
    ...rows.map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escape(String(c))}</th>` : `<td class="num">${escape(String(c))}</td>`)).join("")}</tr>`,
    ),
    "</tbody></table>",
  ].join("");
}

const chart = (id: string, label: string) =>
  `<div class="chart"><canvas id="${id}" role="img" aria-label="${escape(label)}"></canvas></div>`;

/**
 * The report as one self-contained HTML file: charts drawn by Chart.js (inlined), every figure also in a
 * table, no network access, no external files.
 */
export function reportHtml(report: AuditReport): string {
  const { window: w, commits, changedLines, alive, guard, fixups } = report;
  const title = `AI-assisted code audit: ${w.since} to ${w.until}`;
  const data = {
    groups: changedLines.byGroup.slice(0, 15).map((g) => ({ label: g.group, ai: g.ai, human: g.human })),
    alive: { ai: alive.lines.ai, human: alive.lines.human },
    rules: [
      { label: "all rules", ai: guard.per1000.ai, human: guard.per1000.human },
      ...guard.byRule.map((r) => ({ label: r.rule, ai: r.aiPer1000, human: r.humanPer1000 })),
    ],
    fixups: { ai: fixups.per1000Added.ai, human: fixups.per1000Added.human },
  };
  const sections = report.sections
    .map(
      (s) =>
        `<section aria-labelledby="section-${escape(s.id)}"><h2 id="section-${escape(s.id)}">${escape(s.title)}</h2>${s.html ?? `<pre>${escape(s.markdown)}</pre>`}</section>`,
    )
    .join("\n");
  return htmlReportPage({
    title,
    data,
    css: `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1a1a1a; background: #fff; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
  .figures { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
  .figures li { border: 1px solid #bbb; border-radius: 6px; padding: .5rem 1rem; }
  .figures strong { display: block; font-size: 1.5rem; }
  .chart { position: relative; height: 18rem; margin: 1rem 0; }
  table { border-collapse: collapse; margin: 1rem 0; } caption { text-align: left; font-weight: 600; }
  th, td { border: 1px solid #bbb; padding: .25rem .6rem; } .num { text-align: right; }
  code { background: #f2f2f2; padding: 0 .2rem; }
`,
    body: `
<header><h1>${escape(title)}</h1>
<p>Window ${escape(w.since)} (inclusive) to ${escape(w.until)} (exclusive); lines blamed at <code>${escape(w.endRevision?.slice(0, 12) ?? "no commit")}</code>.</p></header>
<main>
<ul class="figures" aria-label="Key figures">
  <li>AI-assisted commits<strong>${commits.ai} of ${commits.total} (${pct(commits.share)})</strong></li>
  <li>AI share of changed lines<strong>${pct(changedLines.share)}</strong></li>
  <li>AI share of lines alive at the end<strong>${pct(alive.lines.share)}</strong></li>
  <li>Guard findings per 1,000 lines<strong>AI ${dec(guard.per1000.ai)} / human ${dec(guard.per1000.human)}</strong></li>
</ul>
<section aria-labelledby="changed"><h2 id="changed">Changed lines by package</h2>
${chart("chart-groups", "Stacked bars: lines changed by AI-assisted and human commits per package")}
${table("Changed lines (added + deleted)", ["package", "AI", "human", "AI share"], [["all", changedLines.ai, changedLines.human, pct(changedLines.share)], ...changedLines.byGroup.map((g) => [g.group, g.ai, g.human, pct(g.share)])])}
</section>
<section aria-labelledby="alive"><h2 id="alive">Lines alive at the window's end</h2>
${chart("chart-alive", "Doughnut: lines alive at the window's end by origin")}
${table(
  `Alive lines in ${alive.files} source and test files`,
  ["lines", "AI", "human", "AI share"],
  [
    ["all", alive.lines.ai, alive.lines.human, pct(alive.lines.share)],
    ["written in the window", alive.writtenInWindow.ai, alive.writtenInWindow.human, pct(alive.writtenInWindow.share)],
  ],
)}
</section>
<section aria-labelledby="guard"><h2 id="guard">org-guard findings per 1,000 lines</h2>
${chart("chart-rules", "Bars: org-guard findings per 1,000 lines by rule, AI-origin against human-origin lines")}
${table("Findings by rule", ["rule", "AI findings", "human findings", "AI per 1,000", "human per 1,000"], [["all", guard.findings.ai, guard.findings.human, dec(guard.per1000.ai), dec(guard.per1000.human)], ...guard.byRule.map((r) => [r.rule, r.ai, r.human, dec(r.aiPer1000), dec(r.humanPer1000)])])}
<p>Suppressions alive: ${guard.suppressions.ai} in AI lines, ${guard.suppressions.human} in human lines; added in the window: ${guard.suppressions.addedInWindow.ai} by AI-assisted commits, ${guard.suppressions.addedInWindow.human} by human ones.</p>
</section>
<section aria-labelledby="fixups"><h2 id="fixups">Fix-ups (defect proxy)</h2>
${chart("chart-fixups", "Bars: lines changed by fix-up commits per 1,000 lines added, AI against human")}
${table(
  `Fix-up commits (subject matching ${fixups.pattern})`,
  ["commit", "AI lines fixed", "human lines fixed"],
  fixups.commits.map((f) => [`${f.sha.slice(0, 8)} ${f.subject}`, f.ai, f.human]),
)}
</section>
<section aria-labelledby="guidelines"><h2 id="guidelines">What to tell the assistants</h2>
<ul>${report.guidelines.map((g) => `<li>${escape(g)}</li>`).join("")}</ul>
</section>
${sections}
</main>
`,
    script: `
  var AI = "#b3261e", HUMAN = "#1f5fa8";
  function bars(id, labels, ai, human, stacked) {
    new Chart(document.getElementById(id), {
      type: "bar",
      data: { labels: labels, datasets: [
        { label: "AI-assisted", data: ai, backgroundColor: AI },
        { label: "human", data: human, backgroundColor: HUMAN }
      ] },
      options: { scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } } }
    });
  }
  bars("chart-groups", data.groups.map(function (g) { return g.label; }), data.groups.map(function (g) { return g.ai; }), data.groups.map(function (g) { return g.human; }), true);
  new Chart(document.getElementById("chart-alive"), {
    type: "doughnut",
    data: { labels: ["AI-assisted", "human"], datasets: [{ data: [data.alive.ai, data.alive.human], backgroundColor: [AI, HUMAN] }] }
  });
  bars("chart-rules", data.rules.map(function (r) { return r.label; }), data.rules.map(function (r) { return r.ai; }), data.rules.map(function (r) { return r.human; }), false);
  bars("chart-fixups", ["fixed lines per 1,000 added"], [data.fixups.ai], [data.fixups.human], false);
`,
  });
}
