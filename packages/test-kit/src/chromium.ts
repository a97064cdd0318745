/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

/** The browser the report pages are checked in: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether the browser checks can run. Under `CI=true` a missing Chromium throws, so the suite fails
 * loudly; elsewhere it warns that `what` is skipped and returns false.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(`\n  ${what} SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return false;
}

/** What a report page did in the browser. */
export interface PageCheck {
  /** Each canvas: its size and how many of its pixels are painted (not transparent). */
  canvases: { width: number; height: number; ink: number }[];
  /** axe-core violations of serious or critical impact. */
  seriousViolations: { id: string; impact: string }[];
  /** Console errors and uncaught exceptions. */
  problems: string[];
  /** Requests for anything but `file:` URLs: a self-contained page makes none. */
  externalRequests: string[];
}

/**
 * Opens a self-contained report file in headless Chromium, waits until it says it drew `charts` charts
 * (the `data-charts` attribute the report shell sets on `<html>`), then measures the canvases and runs
 * axe-core on the page.
 */
export async function checkReportPage(file: string, options: { charts: number }): Promise<PageCheck> {
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
    await page.waitForFunction(
      (charts) => document.documentElement.getAttribute("data-charts") === charts,
      String(options.charts),
    );
    const canvases = await page.$$eval("canvas", (elements) =>
      elements.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
        return { width: canvas.width, height: canvas.height, ink };
      }),
    );
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
      ).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    return {
      canvases,
      seriousViolations: violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
      problems,
      externalRequests: requests.filter((url) => !url.startsWith("file:")),
    };
  } finally {
    await browser.close();
  }
}
