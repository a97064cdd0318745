import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, resolvePath, standalonePaths } from "./site.ts";

// The example reports published as they are: the self-contained HTML a report command writes, checked
// the way the packages check their own HTML reports (charts drawn, offline, no console error, axe).
const reports = standalonePaths();

describe.skipIf(!canRun)("the example HTML reports", () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => ({ browser, base } = await connect()));
  afterAll(async () => browser?.close());

  it("include the flakiness report, linked from its example page", () => {
    expect(reports).toContain("/examples/flaky-report.html");
    expect(readFileSync(resolvePath("/reports/flaky")!, "utf8")).toContain('href="/examples/flaky-report.html"');
  });

  it.each(reports)(
    "%s draws every chart, requests nothing but itself, and has no console error or serious axe violation",
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        // Chromium asks for /favicon.ico for a page that names no icon (the site's own is favicon.svg):
        // that 404 is the browser's, not the report's.
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        page.on(
          "console",
          (message) =>
            message.type() === "error" &&
            !message.location().url.endsWith("/favicon.ico") &&
            errors.push(`${message.text()} (${message.location().url})`),
        );
        const requested: string[] = [];
        page.on("request", (request) => requested.push(request.url()));
        await page.goto(`${base}${path}`);
        // The report shell sets data-charts on <html> once it has drawn them.
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-charts"));
        const charts = Number(await page.locator("html").getAttribute("data-charts"));
        const ink = await page.$$eval("canvas", (canvases) =>
          canvases.map((canvas) => {
            const { data } = (canvas as HTMLCanvasElement)
              .getContext("2d")!
              .getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
            return painted;
          }),
        );
        expect(charts).toBeGreaterThan(0);
        expect(ink).toHaveLength(charts);
        for (const painted of ink) expect(painted).toBeGreaterThan(0);
        const violations = (await new AxeBuilder({ page }).setLegacyMode(true).analyze()).violations;
        expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
          [],
        );
        expect(requested).toEqual([`${base}${path}`]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
