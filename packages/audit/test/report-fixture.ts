import { createTestRepo, type TestRepo } from "@org/provenance/testing";
import { codeLines } from "./cli.ts";

const lines = (...parts: string[][]) => `${parts.flat().join("\n")}\n`;
const timeout = (name: string, ms: number) => [`export const ${name} = AbortSignal.timeout(${ms});`];

/** The fixture's files, so the test can count what it expects rather than trust the report. */
export const A0 = codeLines("a", 10); // human, before the window
export const B1 = [...codeLines("b", 6), ...timeout("t1", 5000), ...timeout("t2", 7000)]; // AI: 2 findings on lines 7-8
export const BT1 = codeLines("tb", 4); // AI test file
export const A2 = [...codeLines("a", 4, 11), ...timeout("t3", 3000)]; // human: 1 finding on line 15
export const README2 = ["# x", "", "text"]; // human, not code
export const C4 = [
  "// org-guard-ignore-next-line no-hardcoded-timeout -- a legacy API that takes nothing else",
  ...timeout("t4", 1000),
  "export const c1 = 1;",
]; // AI: a suppression, no finding

/**
 * Q3 2026: c1 AI, c2 human, c3 a human fix-up of two AI lines (b.ts 1-2) and one human line (a.ts 1),
 * c4 AI; c0 before and c5 after the window.
 */
export function reportRepo(): { repo: TestRepo; sha: string[] } {
  const repo = createTestRepo("org-audit-report-");
  const b3 = [...B1];
  b3[0] = "export const b1 = 100;";
  b3[1] = "export const b2 = 200;";
  const a3 = [...A0, ...A2];
  a3[0] = "export const a1 = 100;";
  const sha = repo.commits([
    { date: "2026-06-20T10:00:00Z", message: "Start a", files: { "src/a.ts": lines(A0) } },
    {
      date: "2026-07-02T10:00:00Z",
      message: "Add b\n\nAssisted-by: Claude Code",
      files: { "packages/x/src/b.ts": lines(B1), "packages/x/test/b.test.ts": lines(BT1) },
    },
    {
      date: "2026-07-03T10:00:00Z",
      message: "Grow a",
      files: { "src/a.ts": lines(A0, A2), "README.md": lines(README2) },
    },
    {
      date: "2026-07-04T10:00:00Z",
      message: "fix: correct b's first values and a1",
      files: { "packages/x/src/b.ts": lines(b3), "src/a.ts": lines(a3) },
    },
    { date: "2026-07-05T10:00:00Z", message: "[AI-ASSISTED] Add c", files: { "src/c.ts": lines(C4) } },
    {
      date: "2026-10-05T10:00:00Z",
      message: "Later\n\nAI-Assisted: yes",
      files: { "src/a.ts": lines(a3, ["export const late = 1;"]) },
    },
  ]);
  return { repo, sha };
}
