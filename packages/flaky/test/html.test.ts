/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { flakinessByOrigin, openDatabase, recordExecutions, type TestExecution } from "../src/index.ts";
import { orgFlaky } from "./support/cli.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const canRun = (() => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(`\n  HTML report browser test SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return false;
})();

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
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-dev-shm-usage",
          "--no-first-run",
        ],
      });
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => document.documentElement.dataset.charts === "3");
        const painted = await page.$$eval("canvas", (canvases) =>
          canvases.map((c) => {
            const data = (c as HTMLCanvasElement).getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
            return ink;
          }),
        );
        expect(painted).toHaveLength(3);
        for (const ink of painted) expect(ink).toBeGreaterThan(0);
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
          ).axe;
          return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
        });
        expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
        expect(problems).toEqual([]);
        expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
      } finally {
        await browser.close();
      }
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
