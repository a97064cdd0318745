import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { reshapeHeadings } from "./documents.ts";
import { REPO } from "./workspace.ts";

type Commit = { date: string; message: string; author?: string; files: Record<string, string> };

const fn = (name: string, timeout: string) =>
  `export async function ${name}(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(${timeout}) });\n}\n`;

/**
 * The demo dataset: one quarter of a small service's history where an assistant wrote part of the
 * code (tagged three ways), brought back a hardcoded timeout, and a later fix-up changed its lines.
 */
const DEMO_HISTORY: Commit[] = [
  {
    date: "2026-07-01T09:00:00Z",
    message: "Add the keys client",
    files: { "src/keys.ts": fn("getKey", "config.TIMEOUT") },
  },
  {
    date: "2026-07-06T09:00:00Z",
    message: "Add revocation\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    files: { "src/revoke.ts": fn("revoke", "5000") + fn("status", "5000") },
  },
  {
    date: "2026-07-09T09:00:00Z",
    message: "[AI-ASSISTED] Add revocation tests",
    files: { "test/revoke.test.ts": 'import { it } from "vitest";\n\nit("revokes", async () => {});\n' },
  },
  {
    date: "2026-07-20T09:00:00Z",
    message: "Add rotation\n\nAssisted-by: Copilot",
    files: { "src/rotate.ts": fn("rotate", "config.TIMEOUT") },
  },
  {
    date: "2026-08-03T09:00:00Z",
    message: "fix: revocation waits as long as staging needs",
    files: { "src/revoke.ts": fn("revoke", "config.TIMEOUT") + fn("status", "5000") },
  },
  {
    date: "2026-08-20T09:00:00Z",
    message: "Document the service\n\nAI-Assisted: no",
    files: { "README.md": "# keys\n" },
  },
];

/**
 * The example quarterly audit, rendered from the demo dataset with org-audit's own report code at build
 * time. Undefined while @org/audit or @org/provenance is not built.
 */
export async function auditReportPage(): Promise<string | undefined> {
  const audit = join(REPO, "packages/audit/dist/index.js");
  const testing = join(REPO, "packages/provenance/dist/testing.js");
  if (!existsSync(audit) || !existsSync(testing)) return undefined;
  const { collectReport, reportMarkdown } = (await import(pathToFileURL(audit).href)) as {
    collectReport: (options: { cwd: string; since: string; until: string }) => Promise<unknown>;
    reportMarkdown: (report: unknown) => string;
  };
  const { createTestRepo } = (await import(pathToFileURL(testing).href)) as {
    createTestRepo: (prefix?: string) => { dir: string; commits: (list: Commit[]) => string[]; remove: () => void };
  };
  const repo = createTestRepo("org-docs-audit-");
  try {
    repo.commits(DEMO_HISTORY);
    const report = await collectReport({ cwd: repo.dir, since: "2026-07-01", until: "2026-10-01" });
    const markdown = reportMarkdown(report).replace(/^# .*\n/, "");
    return [
      "---",
      'title: "Example: quarterly AI code audit"',
      "---",
      "",
      "# Example: quarterly AI code audit",
      "",
      `What \`org-audit report\` prints for one quarter of a small generated repository (${DEMO_HISTORY.length} commits, some`,
      "AI-assisted, one hardcoded timeout, one fix-up). It is rendered by org-audit itself when this site is built.",
      "Produce your own for the last quarter, as Markdown for an issue or as a self-contained HTML page with charts:",
      "",
      "```sh",
      "npx org-audit report --quarter 2026Q3 --format markdown > audit.md",
      "npx org-audit report --quarter 2026Q3 --format html > audit.html",
      "```",
      "",
      "The process around it: [quarterly AI code audit](/process/quarterly-audit).",
      "",
      '<div class="org-report" v-pre>',
      "",
      reshapeHeadings(markdown, 0),
      "",
      "</div>",
    ].join("\n");
  } finally {
    repo.remove();
  }
}
