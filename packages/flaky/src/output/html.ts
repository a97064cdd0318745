import { escapeHtml, htmlReportPage } from "@org/cli-kit/html";
import type { FlakinessReport, TestReport } from "../analyse/analyse.ts";
import { percent } from "../analyse/stats.ts";

const AI = "#b42318";
const HUMAN = "#175cd3";

/**
 * One self-contained HTML file: the AI/human verdict, charts (flake rate over time by origin, the
 * most flaky tests, the ratio against the threshold line) and the tables behind them.
 */
export function formatHtml(report: FlakinessReport, options: { title?: string; limit?: number } = {}): string {
  const title = options.title ?? "Flakiness by origin";
  const { ai, human, ratio } = report.groups;
  const flaky = report.tests.filter((t) => t.flakyExecutions > 0 || t.failures > 0).slice(0, options.limit ?? 50);
  const top = flaky.filter((t) => t.flakyExecutions > 0).slice(0, 10);
  const data = {
    series: report.series,
    top: top.map((t) => ({ label: shortId(t), rate: t.flakeRate, origin: t.origin })),
    ratio: { value: ratio.value, interval: ratio.interval, threshold: ratio.threshold },
    colors: { ai: AI, human: HUMAN, unknown: "#475467" },
  };
  const row = (t: TestReport) => `<tr>
      <td><code>${escapeHtml(t.id)}</code>${t.guardFindings.map((f) => `<div class="finding">hardcoded timeout at <code>${escapeHtml(`${f.file}:${f.line}`)}</code>: <code>${escapeHtml(f.source)}</code></div>`).join("")}</td>
      <td>${t.origin}</td><td class="n">${t.flakyExecutions} / ${t.executions}</td><td class="n">${percent(t.flakeRate)}</td>
      <td class="n">${percent(t.interval[0])}–${percent(t.interval[1])}</td><td class="n">${percent(t.failureRate)}</td>
      <td>${[t.category ?? "", t.ciOnly ? "CI only" : ""].filter(Boolean).join(", ")}</td></tr>`;
  return htmlReportPage({
    title,
    data,
    css: `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #101828; background: #fff; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 1.6rem; margin: 0 0 4px; }
  .verdict { padding: 12px 16px; border-radius: 8px; border: 1px solid #d0d5dd; margin: 16px 0; }
  .verdict.alert { border-color: ${AI}; background: #fef3f2; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; }
  figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 8px; }
  .chart { position: relative; height: 280px; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 24px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eaecf0; vertical-align: top; }
  td.n, th.n { text-align: right; white-space: nowrap; }
  code { font-size: 0.85em; word-break: break-all; }
  .finding { color: ${AI}; font-size: 0.9em; }
  .muted { color: #475467; }
`,
    body: `
<main>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Since ${escapeHtml(report.since)} · ${report.tests.length} tests · flaky execution = failed on a commit where the same test also passed, or passed on retry.</p>
<section class="verdict${ratio.verdict === "above threshold" ? " alert" : ""}" aria-label="Verdict">
  <strong>AI/human flake-rate ratio: ${ratio.value === null ? "n/a" : `${ratio.value.toFixed(2)}x`}</strong>
  (threshold ${ratio.threshold}x): <strong>${escapeHtml(ratio.verdict)}</strong>. ${escapeHtml(ratio.reason)}
</section>
<table>
  <caption class="muted">Groups</caption>
  <thead><tr><th scope="col">group</th><th scope="col" class="n">tests</th><th scope="col" class="n">flaky / executions</th><th scope="col" class="n">flake rate</th><th scope="col" class="n">95 % CI</th></tr></thead>
  <tbody>
    ${[["AI-assisted", ai] as const, ["human", human] as const]
      .map(
        ([label, g]) =>
          `<tr><th scope="row">${label}</th><td class="n">${g.tests}</td><td class="n">${g.flakyExecutions} / ${g.executions}</td><td class="n">${percent(g.flakeRate)}</td><td class="n">${percent(g.interval[0])}–${percent(g.interval[1])}</td></tr>`,
      )
      .join("\n    ")}
  </tbody>
</table>
<div class="charts">
  <figure><figcaption id="over-time">Flake rate over time by origin</figcaption><div class="chart"><canvas id="chart-time" role="img" aria-labelledby="over-time"></canvas></div></figure>
  <figure><figcaption id="top-flaky">Most flaky tests</figcaption><div class="chart"><canvas id="chart-top" role="img" aria-labelledby="top-flaky"></canvas></div></figure>
  <figure><figcaption id="ratio-line">AI/human ratio against the ${ratio.threshold}x line</figcaption><div class="chart"><canvas id="chart-ratio" role="img" aria-labelledby="ratio-line"></canvas></div></figure>
</div>
<h2>Flaky and failing tests</h2>
${
  flaky.length === 0
    ? `<p>No flaky or failing tests among ${report.tests.length}.</p>`
    : `<table>
  <thead><tr><th scope="col">test</th><th scope="col">origin</th><th scope="col" class="n">flaky / runs</th><th scope="col" class="n">flake rate</th><th scope="col" class="n">95 % CI</th><th scope="col" class="n">failure rate</th><th scope="col">notes</th></tr></thead>
  <tbody>${flaky.map(row).join("")}</tbody>
</table>`
}
</main>
`,
    script: `
  var pct = function (v) { return v === null ? null : Math.round(v * 1000) / 10; };
  new Chart(document.getElementById("chart-time"), {
    type: "line",
    data: {
      labels: data.series.map(function (p) { return p.day; }),
      datasets: [
        { label: "AI-assisted", data: data.series.map(function (p) { return pct(p.ai.flakeRate); }), borderColor: data.colors.ai, backgroundColor: data.colors.ai, spanGaps: true },
        { label: "human", data: data.series.map(function (p) { return pct(p.human.flakeRate); }), borderColor: data.colors.human, backgroundColor: data.colors.human, spanGaps: true }
      ]
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: "flake rate (%)" } } } }
  });
  new Chart(document.getElementById("chart-top"), {
    type: "bar",
    data: {
      labels: data.top.map(function (t) { return t.label; }),
      datasets: [{ label: "flake rate (%)", data: data.top.map(function (t) { return pct(t.rate); }), backgroundColor: data.top.map(function (t) { return data.colors[t.origin]; }) }]
    },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } }
  });
  var r = data.ratio;
  new Chart(document.getElementById("chart-ratio"), {
    type: "bar",
    data: {
      labels: ["AI / human"],
      datasets: [
        { type: "bar", label: "95 % interval", data: r.interval ? [r.interval] : [], backgroundColor: "rgba(180, 35, 24, 0.25)", borderColor: data.colors.ai, borderWidth: 1 },
        { type: "line", label: "ratio", data: r.value === null ? [] : [r.value], borderColor: data.colors.ai, backgroundColor: data.colors.ai, pointRadius: 6, showLine: false },
        { type: "line", label: r.threshold + "x threshold", data: [r.threshold], borderColor: "#101828", backgroundColor: "#101828", pointStyle: "line", pointRadius: 40, borderDash: [6, 4], showLine: false }
      ]
    },
    options: { scales: { y: { type: "logarithmic", title: { display: true, text: "AI rate / human rate" } } } }
  });
`,
  });
}

function shortId(t: TestReport): string {
  const file = t.file.split("/").at(-1) ?? t.file;
  const text = `${file} › ${t.name}`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
