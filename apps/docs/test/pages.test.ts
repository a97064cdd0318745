import { createRequire } from "node:module";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, hydrated, layoutProblems, pagePaths, resolvePath, watchErrors } from "./site.ts";

const pages = pagePaths();

describe.skipIf(!canRun)("every page of the built site", () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => ({ browser, base } = await connect()));
  afterAll(async () => browser?.close());

  it("runs axe-core 4.14", () => {
    const require = createRequire(import.meta.url);
    expect((require("axe-core/package.json") as { version: string }).version).toMatch(/^4\.14\./);
    // The axe-core that @axe-core/playwright injects into pages.
    const fromWrapper = createRequire(require.resolve("@axe-core/playwright"));
    expect((fromWrapper("axe-core/package.json") as { version: string }).version).toMatch(/^4\.14\./);
  });

  it("has the pages readers look for", () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        "/",
        "/getting-started",
        "/install",
        "/troubleshooting",
        "/checklists/timeouts",
        "/checklists/distributed",
        "/checklists/ai-generated-code",
        "/reference/config",
        "/reference/topology",
        "/reference/guard-rules",
        "/packages/config",
        "/packages/http",
        "/packages/guard",
        "/packages/cache-client",
        "/design/",
        "/design/invalidation-broadcast",
        "/design/durable-complete",
        "/design/config-loading",
        "/design/offline-queue",
        "/design/timeout-detection",
      ]),
    );
  });

  describe.each(["light", "dark"] as const)("in the %s theme", (theme) => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      // VitePress follows the system colour scheme until the reader picks one.
      context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      errors = watchErrors(page);
    });
    afterAll(async () => context?.close());

    it.each(pages)("%s: no serious or critical axe violation", async (path) => {
      errors.length = 0;
      await page.goto(`${base}${path}`);
      await hydrated(page);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      expect(errors).toEqual([]);
      if (theme === "light") {
        const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
        const broken = hrefs
          .map((href) => new URL(href))
          .filter((url) => url.origin === new URL(base).origin && resolvePath(url.pathname) === undefined)
          .map((url) => url.pathname);
        expect(broken, "internal links that resolve to no page").toEqual([]);
        expect(await layoutProblems(page), "layout at 1280 px").toEqual([]);
      }
    });
  });
});
