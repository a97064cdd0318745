import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkReportPage, chromiumAvailable } from "@org/test-kit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { flakinessByOrigin, openDatabase, recordExecutions, type TestExecution } from "../src/index.ts";
import { orgFlaky } from "./support/cli.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

const canRun = chromiumAvailable("HTML report browser test");

let dir: string;
let file: string;

// Two weeks of runs on a store whose tests have no files here (origins unknown), plus enough to draw.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "org-flaky-html-"));
  const db = await openDatabase({ db: join(dir, "store") });
  try {
    for (let day = 0; day < 14; day++) {
      const executions: TestExecution[] = Array.from({ length: 12 }, (_, i) => ({
        file: `test/t${i}.test.ts`,
        name: `case <${i}> & "quoted"`,
        status: (day + i) % 5 === 0 ? "failed" : "passed",
        retries: 0,
        durationMs: 1,
        message: (day + i) % 5 === 0 ? "Test timed out in 5000ms." : null,
        failureType: null,
        category: (day + i) % 5 === 0 ? "timeout" : null,
      }));
      await recordExecutions(
        db,
        {
          id: `day-${day}`,
          commit: `c${day >> 1}`,
          branch: "main",
          env: "ci",
          source: "junit",
          url: null,
          recordedAt: new Date(Date.now() - day * 86_400_000),
        },
        executions,
      );
    }
  } finally {
    await db.close();
  }
  file = join(dir, "flaky.html");
  const result = orgFlaky(dir, ["report", "--format", "html", "-o", file], { ORG_FLAKY_DB: join(dir, "store") });
  expect(result.stderr).toContain("wrote");
}, TOOL_HOOK_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("org-flaky report --format html", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  test("is one self-contained file: Chart.js inlined, no external URL, names escaped", () => {
    const html = readFileSync(file, "utf8");
    expect(html).toContain("Chart.js v4");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("case &lt;0&gt; &amp; &quot;quoted&quot;");
  });

  test.runIf(canRun)(
    "renders its three charts in Chromium, offline, with no console error and no serious axe violation",
    async () => {
      const check = await checkReportPage(file, { charts: 3 });
      expect(check.canvases).toHaveLength(3);
      for (const canvas of check.canvases) expect(canvas.ink).toBeGreaterThan(0);
      expect(check.seriousViolations).toEqual([]);
      expect(check.problems).toEqual([]);
      expect(check.externalRequests).toEqual([]);
    },
  );
});

describe("the quarterly audit's section (org-audit report)", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  const window = { since: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), until: "2999-01-01" };

  test("summarises flakiness by origin over the audit window when a store exists", async () => {
    const section = await flakinessByOrigin({ cwd: dir, db: join(dir, "store"), ...window });
    expect(section?.id).toBe("flakiness");
    expect(section?.data.groups.unknown.executions).toBe(14 * 12);
    expect(section?.markdown).toContain("| group | tests | flaky / executions | flake rate | 95 % CI |");
  });

  test("adds nothing where no run was ever recorded", async () => {
    expect(await flakinessByOrigin({ cwd: dir, db: join(dir, "no-store"), ...window })).toBeUndefined();
  });
});
