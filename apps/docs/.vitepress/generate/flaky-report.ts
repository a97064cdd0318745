import { exampleReport } from "@org/flaky/example";
import { reshapeHeadings } from "./documents.ts";

/** Where the example's HTML report is published (a file of the site's public directory). */
export const FLAKY_HTML_EXAMPLE = "examples/flaky-report.html";

/**
 * The example flakiness report: @org/flaky's own demo dataset (a generated repository, 14 days of JUnit
 * reports recorded into an in-memory store), reported by its own Markdown report and alerts at build
 * time, and its self-contained HTML report with charts published beside the page (`html`, for
 * `public/${FLAKY_HTML_EXAMPLE}`). Deterministic: the dataset's window and failures are fixed.
 */
export async function flakyReport(): Promise<{ page: string; html: string }> {
  const example = await exampleReport();
  return { page: flakyReportPage(example), html: example.html };
}

function flakyReportPage(example: Awaited<ReturnType<typeof exampleReport>>): string {
  const { alerts, notes } = example.alerts;
  return [
    "---",
    'title: "Example: flakiness by origin"',
    "---",
    "",
    "# Example: flakiness by origin",
    "",
    `What \`org-flaky report --format markdown\` prints for a demo dataset. ${example.description}`,
    "The report is rendered by org-flaky itself when this site is built (`exampleReport()` of `@org/flaky/example`).",
    "",
    "Produce your own: record every CI run's JUnit reports, then ask for the report and the alerts.",
    "",
    "```sh",
    "npx org-flaky record reports/*.xml --env ci",
    "npx org-flaky report --since 30d --format markdown > flaky.md",
    "npx org-flaky report --since 30d --format html -o flaky.html   # self-contained page with charts",
    "npx org-flaky alert --ratio 2 --test-rate 0.05                  # exit 1 on an alert",
    "```",
    "",
    "The process around it: [flakiness monitoring](/process/flakiness); the tool: [@org/flaky](/packages/flaky).",
    "",
    `The same report as \`--format html\` writes it, one self-contained page with its charts (flake rate over time by origin, the flakiest tests, the ratio against the 2x line): [open the HTML report](/${FLAKY_HTML_EXAMPLE}){target="_self"}.`,
    "",
    '<div class="org-report" v-pre>',
    "",
    reshapeHeadings(example.markdown, -1),
    "",
    "## Alerts",
    "",
    "What `org-flaky alert` reports for the same window (it exits 1 when there is any):",
    "",
    ...(alerts.length > 0 ? alerts.map((alert) => `- **${alert.kind}**: ${alert.message}`) : ["- none"]),
    ...notes.map((note) => `- note: ${note}`),
    "",
    "</div>",
  ].join("\n");
}
