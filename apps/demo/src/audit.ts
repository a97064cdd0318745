import { collectReport } from "@org/audit";
import { aiShare, blameFile, classifyCommits } from "@org/provenance";
import { createTestRepo } from "@org/provenance/testing";

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Part 3: which commits and lines are AI-assisted, and the audit figures, on a small generated repository. */
export async function auditDemo(say: (line?: string) => void): Promise<void> {
  say();
  say("== AI-assisted code, tracked (org-audit) ==");
  const repo = createTestRepo("org-demo-audit-");
  try {
    const fn = (name: string, body: string[]) => [`export async function ${name}(url: string) {`, ...body, "}"];
    const fetchLine = (ms: string) => `  return fetch(url, { signal: AbortSignal.timeout(${ms}) });`;
    repo.commits([
      {
        date: "2026-07-01T09:00:00Z",
        message: "Add the keys client",
        files: { "src/keys.ts": fn("getKey", [fetchLine("config.TIMEOUT")]).join("\n") + "\n" },
      },
      {
        date: "2026-07-08T09:00:00Z",
        message: "Add revoke\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        files: {
          "src/revoke.ts":
            [...fn("revoke", [fetchLine("5000")]), ...fn("status", [fetchLine("5000")])].join("\n") + "\n",
        },
      },
      {
        date: "2026-07-15T09:00:00Z",
        message: "[AI-ASSISTED] Add revoke tests",
        files: { "test/revoke.test.ts": "// tests written with an assistant\n" },
      },
      {
        date: "2026-07-22T09:00:00Z",
        message: "fix: revoke waits as long as staging needs",
        files: {
          "src/revoke.ts":
            [...fn("revoke", [fetchLine("config.TIMEOUT")]), ...fn("status", [fetchLine("5000")])].join("\n") + "\n",
        },
      },
      {
        date: "2026-07-29T09:00:00Z",
        message: "Careful change\n\nAI-Assisted: no",
        files: { "README.md": "# keys\n" },
      },
    ]);
    for (const c of (await classifyCommits({ cwd: repo.dir })).reverse()) {
      const why = c.signals.map((s) => s.detail).join("; ") || "no signal";
      say(`  ${c.sha.slice(0, 8)} ${c.origin.padEnd(5)} ${c.subject.padEnd(44)} ${why}`);
    }
    const lines = await blameFile({ cwd: repo.dir, file: "src/revoke.ts" });
    const share = aiShare(lines, 1, lines.length);
    say(`  blame src/revoke.ts: ${share.ai} of ${lines.length} lines AI-written (${pct(share.share)})`);
    const report = await collectReport({ cwd: repo.dir, since: "2026-07-01", until: "2026-10-01" });
    say(
      `  2026Q3 audit: ${report.commits.ai}/${report.commits.total} commits AI-assisted, ${pct(report.changedLines.share)} of changed lines; ` +
        `org-guard findings per 1,000 lines: AI ${report.guard.per1000.ai.toFixed(1)} vs human ${report.guard.per1000.human.toFixed(1)}; ` +
        `fix-ups changed ${report.fixups.lines.ai} AI-written and ${report.fixups.lines.human} human-written lines`,
    );
    say(`  tell the assistants: ${report.guidelines[0]}`);
  } finally {
    repo.remove();
  }
}
