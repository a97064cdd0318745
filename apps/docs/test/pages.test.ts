import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig } from "@org/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, hydrated, layoutProblems, pagePaths, resolvePath, watchErrors } from "./site.ts";

const pages = pagePaths();
// axe on the largest pages (the API reference) takes several seconds; three test-profile budgets.
const PAGE_TIMEOUT = loadConfig({ env: process.env }).timeouts.test * 3;

/** The budget for a page's first load: HTML, scripts, styles and fonts it requests, gzip-compressed. */
const FIRST_LOAD_BUDGET_KIB = 250;
const firstLoad = new Map<string, number>();
/** The axe rules whose outcome depends on colours. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const gzipped = new Map<string, number>();
function compressedSize(pathname: string): number {
  const file = resolvePath(pathname);
  if (!file) return 0;
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipped.get(file)!;
}

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
        "/python",
        "/api/",
        "/api/config",
        "/api/cache-client",
        "/ai-context",
        "/reports/audit",
      ]),
    );
  });

  describe.each(["light", "dark"] as const)("in the %s theme", (theme) => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    const requested = new Set<string>();
    beforeAll(async () => {
      // VitePress follows the system colour scheme until the reader picks one.
      context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      errors = watchErrors(page);
      page.on("request", (request) => requested.add(request.url()));
    });
    afterAll(async () => context?.close());

    it.each(pages)(
      "%s: no serious or critical axe violation",
      async (path) => {
        errors.length = 0;
        requested.clear();
        await page.goto(`${base}${path}`);
        await hydrated(page);
        // Everything this first load fetched from the site (the search index only loads when search opens).
        const own = [...requested].map((url) => new URL(url)).filter((url) => url.origin === new URL(base).origin);
        firstLoad.set(
          path,
          own.reduce((sum, url) => sum + compressedSize(url.pathname), 0),
        );
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
        // The dark theme changes colours only (the DOM is the same), so it re-runs the colour rules.
        const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
        const { violations } = await (theme === "dark" ? axe.withRules(COLOUR_RULES) : axe).analyze();
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
      },
      PAGE_TIMEOUT,
    );
  });

  it(`keeps the heaviest page's first load under ${FIRST_LOAD_BUDGET_KIB} KiB gzip-compressed`, () => {
    const [heaviest, bytes] = [...firstLoad].sort((a, b) => b[1] - a[1])[0]!;
    const kib = bytes / 1024;
    console.log(
      `Heaviest first load: ${heaviest}, ${kib.toFixed(1)} KiB gzip-compressed (budget ${FIRST_LOAD_BUDGET_KIB} KiB)`,
    );
    expect(firstLoad.size).toBe(pages.length);
    expect(kib).toBeLessThan(FIRST_LOAD_BUDGET_KIB);
  });
});
