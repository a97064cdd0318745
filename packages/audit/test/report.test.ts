import type { TestRepo } from "@org/provenance/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../src/index.ts";
import { runAudit } from "./cli.ts";
import { A0, A2, B1, BT1, C4, README2, reportRepo } from "./report-fixture.ts";

let repo: TestRepo;
let sha: string[];
let report: AuditReport;
let stderr: string;

beforeAll(async () => {
  ({ repo, sha } = reportRepo());
  const result = await runAudit(["report", "--quarter", "2026Q3", "--format", "json"], repo.dir);
  expect(result.code).toBe(0);
  report = JSON.parse(result.stdout) as AuditReport;
  stderr = result.stderr;
});
afterAll(() => repo.remove());

// Expected values, counted from the fixture's own files (not from git or the report).
const ai = { c1: B1.length + BT1.length, c4: C4.length };
const human = { c2: A2.length + README2.length, c3: 2 + 2 + 1 + 1 }; // b.ts 2 lines replaced, a.ts 1 replaced
const aliveAi = B1.length - 2 + BT1.length + C4.length; // b.ts minus the two fixed lines
const aliveHuman = A0.length + A2.length + 2; // a.ts (line 1 now by c3) + the two fixed b.ts lines

describe("org-audit report --format json", () => {
  it("counts the window's commits and the AI share of changed lines, per package", () => {
    expect(report.window).toEqual({ since: "2026-07-01", until: "2026-10-01", endRevision: sha[4] });
    expect(report.commits).toEqual({ total: 4, ai: 2, human: 2, share: 0.5 });
    const aiLines = ai.c1 + ai.c4;
    const humanLines = human.c2 + human.c3;
    expect(report.changedLines).toMatchObject({
      ai: aiLines,
      human: humanLines,
      share: aiLines / (aiLines + humanLines),
    });
    const groups = Object.fromEntries(report.changedLines.byGroup.map((g) => [g.group, g]));
    expect(groups["packages/x"]).toMatchObject({ ai: ai.c1, human: 4, commits: 2, aiCommits: 1 });
    expect(groups.src).toMatchObject({ ai: ai.c4, human: A2.length + 2, commits: 3, aiCommits: 1 });
    expect(groups["."]).toMatchObject({ ai: 0, human: README2.length, commits: 1, aiCommits: 0, share: 0 });
  });

  it("counts lines alive at the window's end by origin, and those written in the window", () => {
    expect(report.alive.files).toBe(4);
    expect(report.alive.lines).toEqual({ ai: aliveAi, human: aliveHuman, share: aliveAi / (aliveAi + aliveHuman) });
    const writtenHuman = aliveHuman - (A0.length - 1); // c0's lines are older than the window
    expect(report.alive.writtenInWindow).toEqual({
      ai: aliveAi,
      human: writtenHuman,
      share: aliveAi / (aliveAi + writtenHuman),
    });
  });

  it("gives org-guard findings per 1,000 AI-origin and human-origin lines, by rule, and AI suppressions", () => {
    expect(report.guard.linesChecked).toEqual({ ai: aliveAi, human: aliveHuman });
    expect(report.guard.findings).toEqual({ ai: 2, human: 1 });
    expect(report.guard.per1000.ai).toBeCloseTo((2 * 1000) / aliveAi, 9);
    expect(report.guard.per1000.human).toBeCloseTo((1 * 1000) / aliveHuman, 9);
    expect(report.guard.byRule).toEqual([
      {
        rule: "no-hardcoded-timeout",
        ai: 2,
        human: 1,
        aiPer1000: (2 * 1000) / aliveAi,
        humanPer1000: 1000 / aliveHuman,
      },
    ]);
    expect(report.guard.suppressions).toEqual({ ai: 1, human: 0, addedInWindow: { ai: 1, human: 0 } });
  });

  it("counts fix-ups of AI-written and human-written lines", () => {
    expect(report.fixups.commits).toEqual([
      { sha: sha[3], subject: "fix: correct b's first values and a1", ai: 2, human: 1 },
    ]);
    expect(report.fixups.lines).toEqual({ ai: 2, human: 1 });
    const addedAi = ai.c1 + ai.c4;
    const addedHuman = A2.length + README2.length + 3; // c3 added 3 replacement lines
    expect(report.fixups.per1000Added.ai).toBeCloseTo((2 * 1000) / addedAi, 9);
    expect(report.fixups.per1000Added.human).toBeCloseTo(1000 / addedHuman, 9);
  });

  it("turns the top pattern into a guideline for the assistants, and shows progress on stderr", () => {
    expect(report.guidelines[0]).toMatch(
      /^Never write a timeout as a literal.*2 no-hardcoded-timeout findings in AI-written lines/,
    );
    expect(report.guidelines.some((g) => g.includes("1 suppressions added by AI-assisted commits"))).toBe(true);
    expect(stderr).toContain("org-audit: blamed 4/4 files");
  });

  it("renders the same figures as Markdown", async () => {
    const { stdout } = await runAudit(["report", "--since", "2026-07-01", "--until", "2026-10-01"], repo.dir);
    expect(stdout).toContain("# AI-assisted code audit: 2026-07-01 to 2026-10-01");
    expect(stdout).toContain("4 commits in the window, 2 AI-assisted (50.0%)");
    expect(stdout).toContain(`| \`no-hardcoded-timeout\` | 2 | 1 | ${((2 * 1000) / aliveAi).toFixed(2)} |`);
  });

  it("refuses a malformed window with a usage error", async () => {
    expect((await runAudit(["report", "--quarter", "2026Q5"], repo.dir)).stderr).toContain('"2026Q5" is not a quarter');
    expect((await runAudit(["report", "--since", "2026-07-01"], repo.dir)).code).toBe(2);
    expect((await runAudit(["report", "--since", "nope", "--until", "2026-10-01"], repo.dir)).stderr).toContain(
      '"nope" is not a date',
    );
  });
});
