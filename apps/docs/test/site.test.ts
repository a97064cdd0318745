import type { Server } from "node:http";
import { AxeBuilder } from "@axe-core/playwright";
import { getChecklist, toMarkdown } from "@org/checklists";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, CHROMIUM, pagePaths, resolvePath, serveSite } from "./site.ts";

let browser: Browser;
let server: Server;
let base: string;

async function newPage(context?: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await (context ?? (await browser.newContext())).newPage();
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

describe.skipIf(!canRun)("the built docs site in Chromium", () => {
  beforeAll(async () => {
    ({ url: base, server } = await serveSite());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // No sandbox as root; no background traffic on a machine without internet.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const pages = pagePaths();

  it("has every page of the site", () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        "/",
        "/getting-started",
        "/checklists/timeouts",
        "/checklists/distributed",
        "/checklists/ai-generated-code",
        "/reference/config",
        "/reference/topology",
        "/reference/guard-rules",
        "/packages/guard",
        "/packages/cache-client",
      ]),
    );
  });

  it.each(pages)(
    "%s: no serious accessibility violation, no console error, every internal link resolves",
    async (path) => {
      const { page, errors } = await newPage();
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
      const broken = hrefs
        .map((href) => new URL(href))
        .filter((url) => url.origin === new URL(base).origin)
        .filter((url) => resolvePath(url.pathname) === undefined)
        .map((url) => url.pathname);
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("navigates from the home page through the sidebar", async () => {
    const { page } = await newPage();
    await page.goto(base);
    await page.getByRole("link", { name: "Getting started" }).first().click();
    await page.waitForURL(`${base}/getting-started`);
    await page.getByRole("link", { name: "Region topology" }).first().click();
    await page.waitForURL(`${base}/reference/topology`);
    // Client-side navigation: the URL changes before the new page has rendered.
    await expect.poll(() => page.locator(".vp-doc h1").textContent()).toContain("Region topology");
    await expect
      .poll(() => page.locator("svg[role=img] title").textContent())
      .toBe("Region topology: 3 regions, 6 Redis clusters");
    await page.close();
  });

  it("finds pages with the local search", async () => {
    const { page } = await newPage();
    await page.goto(base, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Search" }).first().click();
    await page.locator("#localsearch-input").fill("APAC clusters kept serving");
    const first = page.locator("#localsearch-list a.result").first();
    await first.waitFor();
    expect(await first.getAttribute("href")).toMatch(/^\/incidents\/single-region-invalidation/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/incidents\/single-region-invalidation/);
    await expect
      .poll(() => page.locator(".vp-doc h1").textContent())
      .toContain("cache invalidation that reached one region");
    await page.close();
  });

  it("keeps checklist progress across reloads, and reset clears it", async () => {
    const { page } = await newPage();
    await page.goto(`${base}/checklists/timeouts`);
    const item = page.locator('input[data-item="from-config"]');
    await item.check();
    await page.reload();
    await expect.poll(() => item.isChecked()).toBe(true);
    await page.locator('button[data-action="reset"]').click();
    expect(await item.isChecked()).toBe(false);
    await page.reload();
    await page.locator('input[data-item="bounded"]').waitFor();
    expect(await item.isChecked()).toBe(false);
    await page.close();
  });

  it('"Copy as Markdown" puts the ticked list on the clipboard', async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const { page } = await newPage(context);
    await page.goto(`${base}/checklists/distributed`);
    await page.locator('input[data-item="broadcast"]').check();
    await page.locator('input[data-item="partitions"]').check();
    await page.locator('button[data-action="copy"]').click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Copied");
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(toMarkdown(getChecklist("distributed"), new Set(["broadcast", "partitions"])));
    expect(clipboard).toContain("- [x] Cache invalidation goes through cache.invalidate");
    expect(clipboard).toContain("- [ ] No direct delete on a Redis client");
    await context.close();
  });

  it("shows the dev/staging/prod timeouts in the generated config reference", async () => {
    const { page } = await newPage();
    await page.goto(`${base}/reference/config`);
    const row = page.locator('tr[data-key="TIMEOUT"]');
    expect(await row.locator('td[data-env="dev"]').textContent()).toBe("5000");
    expect(await row.locator('td[data-env="staging"]').textContent()).toBe("30000");
    expect(await row.locator('td[data-env="prod"]').textContent()).toBe("60000");
    expect(await row.textContent()).toContain("ORG_TIMEOUT_MS");
    await page.close();
  });
});
