import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, hydrated, layoutProblems, pagePaths } from "./site.ts";

// Screenshots are kept for people to look at; the assertions are on element boxes, never pixels.
const SHOTS = join(import.meta.dirname, "../test-results/screenshots");
const PAGES = ["/", "/checklists/timeouts", "/reference/config", "/reference/guard-rules"];

describe.skipIf(!canRun)("layout on a desktop and a phone", () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    ({ browser, base } = await connect());
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  describe.each([1280, 390])("%i px wide", (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width, height: 900 } });
      page = await context.newPage();
    });
    afterAll(async () => context?.close());

    it.each(PAGES)(
      "%s: nothing overflows the main column, no table or code block is cut off (screenshot)",
      async (path) => {
        await page.goto(`${base}${path}`);
        await hydrated(page);
        await page.screenshot({
          path: join(SHOTS, `${path.replace(/\W+/g, "_") || "home"}-${width}.png`),
          fullPage: true,
        });
        expect(await layoutProblems(page)).toEqual([]);
      },
    );

    // Every page at 1280 px is measured by pages.test.ts beside its axe run; on a phone, here.
    if (width === 390)
      it.each(pagePaths({ redirects: false }).filter((path) => !PAGES.includes(path)))(
        "%s: nothing overflows the main column on a phone",
        async (path) => {
          await page.goto(`${base}${path}`);
          await hydrated(page);
          expect(await layoutProblems(page)).toEqual([]);
        },
      );

    it("reports a table wider than the main column", async () => {
      await page.goto(`${base}/install`);
      await hydrated(page);
      await page.locator(".vp-doc").evaluate((doc) => {
        const table = document.createElement("table");
        table.innerHTML = `<tr><td style="white-space: nowrap">${"wide ".repeat(400)}</td></tr>`;
        doc.append(table);
      });
      expect((await layoutProblems(page)).join("\n")).toMatch(/table.*(outside the main column|is cut off)/);
    });

    it("shows every field of every setting of the config reference inside the viewport", async () => {
      await page.goto(`${base}/reference/config`);
      await hydrated(page);
      const cards = page.locator(".org-setting");
      expect(await cards.count()).toBeGreaterThanOrEqual(7);
      const hidden = await cards.evaluateAll((elements) =>
        elements.flatMap((card) =>
          [...card.querySelectorAll("dt, dd, th, td, .org-setting-description")].flatMap((field) => {
            const box = field.getBoundingClientRect();
            const visible =
              box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth;
            return visible
              ? []
              : [
                  `${card.getAttribute("data-key")}: ${field.tagName} "${field.textContent}" at ${Math.round(box.left)}..${Math.round(box.right)}`,
                ];
          }),
        ),
      );
      expect(hidden).toEqual([]);
      // dev, staging and prod are side by side in one row of each card.
      const timeout = page.locator('.org-setting[data-key="TIMEOUT"]');
      const tops = await timeout
        .locator("td[data-env]")
        .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
      expect(new Set(tops).size).toBe(1);
    });
  });
});
