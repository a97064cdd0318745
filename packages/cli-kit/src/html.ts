import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

let chartJs: string | undefined;

/**
 * Chart.js's UMD build, ready to inline in a `<script>`. It is resolved beside the code that runs this
 * (each CLI bundles this module and depends on chart.js itself); chart.js exports no subpath for its UMD
 * build, which sits beside its main entry (dist/chart.cjs).
 */
function chartLibrary(): string {
  chartJs ??= readFileSync(
    join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js"),
    "utf8",
  )
    .replace(/<\/script/gi, "<\\/script")
    .replace(/\/\/# sourceMappingURL=.*$/m, "");
  return chartJs;
}

/** One report page: what differs between the CLIs' HTML reports. */
export interface HtmlReportPage {
  /** The page title (escaped here). */
  title: string;
  /** The page's own CSS. */
  css: string;
  /** The markup inside `<body>` (already escaped by the caller). */
  body: string;
  /** What the page script reads as `data`, embedded as JSON. */
  data: unknown;
  /** JavaScript run once Chart.js has loaded, with `data` in scope: it draws the charts. */
  script: string;
}

/**
 * A self-contained HTML report with charts: Chart.js inlined, the data as JSON that cannot end its
 * `<script>` early, no request for anything outside the file. Animation is off and charts fill their
 * container; when the script has run, `<html data-charts="N">` says how many charts it drew (what a
 * browser check waits for).
 */
export function htmlReportPage(page: HtmlReportPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
${page.css.trim()}
</style>
</head>
<body>
${page.body.trim()}
<script type="application/json" id="report-data">${JSON.stringify(page.data).replace(/</g, "\\u003c")}</script>
<script>${chartLibrary()}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
${page.script.trim()}
  document.documentElement.setAttribute("data-charts", String(Object.keys(Chart.instances).length));
})();
</script>
</body>
</html>
`;
}
