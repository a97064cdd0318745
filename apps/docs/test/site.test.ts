import { getChecklist, toMarkdown } from "@org/checklists";
import { configReference, loadConfig } from "@org/config";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, hydrated } from "./site.ts";

// Tests that load several pages (or one page several times) get three test-profile budgets.
const SEVERAL_PAGES = loadConfig({ env: process.env }).timeouts.test * 3;

describe.skipIf(!canRun)("the built docs site in Chromium", () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => ({ browser, base } = await connect()));
  afterAll(async () => browser?.close());

  it(
    "navigates from the home page through the sidebar to the topology of each environment",
    async () => {
      const page = await browser.newPage();
      await page.goto(base);
      await hydrated(page);
      await page.getByRole("link", { name: "Getting started" }).first().click();
      await page.waitForURL(`${base}/getting-started`);
      await page.getByRole("link", { name: "Region topology" }).first().click();
      await page.waitForURL(`${base}/reference/topology`);
      // Client-side navigation: the URL changes before the new page has rendered.
      await expect.poll(() => page.locator(".vp-doc h1").textContent()).toContain("Region topology");
      expect(await page.locator("svg.org-topology-wide[role=img] title").allTextContents()).toEqual([
        "dev topology: 3 regions, 6 Redis clusters",
        "staging topology: 3 regions, 6 Redis clusters",
        "prod topology: 3 regions, 6 Redis clusters",
      ]);
      await page.close();
    },
    SEVERAL_PAGES,
  );

  it(
    "keeps checklist progress across reloads, and reset clears it",
    async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/checklists/timeouts`);
      await hydrated(page);
      const item = page.locator('input[data-item="from-config"]');
      await item.check();
      await page.reload();
      await hydrated(page);
      await expect.poll(() => item.isChecked()).toBe(true);
      await page.locator('button[data-action="reset"]').click();
      expect(await item.isChecked()).toBe(false);
      await page.reload();
      await hydrated(page);
      expect(await item.isChecked()).toBe(false);
      await page.close();
    },
    SEVERAL_PAGES,
  );

  it(
    '"Copy as Markdown" puts the ticked list on the clipboard',
    async () => {
      const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
      const page = await context.newPage();
      await page.goto(`${base}/checklists/distributed`);
      await hydrated(page);
      await page.locator('input[data-item="broadcast"]').check();
      await page.locator('input[data-item="partitions"]').check();
      await page.locator('button[data-action="copy"]').click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Copied");
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard).toBe(toMarkdown(getChecklist("distributed"), new Set(["broadcast", "partitions"])));
      await context.close();
    },
    SEVERAL_PAGES,
  );

  it("shows each setting's variable and dev/staging/prod values as @org/config resolves them", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/reference/config`);
    for (const row of configReference()) {
      const card = page.locator(`.org-setting[data-key="${row.key}"]`);
      expect(await card.locator("dd code").first().textContent()).toBe(row.env);
      for (const env of ["dev", "staging", "prod"] as const)
        expect(await card.locator(`td[data-env="${env}"]`).textContent()).toBe(row.defaults[env]);
    }
    const timeout = page.locator('.org-setting[data-key="TIMEOUT"]');
    expect(await timeout.locator("td[data-env]").allTextContents()).toEqual(["5000", "30000", "60000"]);
    await page.close();
  });

  it("gives each rule example a highlighted code block with a copy button", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/reference/guard-rules`);
    const section = page.locator("h3#no-hardcoded-timeout-python ~ .custom-block").first();
    expect(await section.locator("div.language-python pre.shiki").count()).toBe(1);
    expect(await section.locator("button.copy").count()).toBe(1);
    expect(await section.locator("pre").textContent()).toContain("timeout=5");
    await page.close();
  });

  it(
    "shows package pages with a title and no code-styled first heading",
    async () => {
      const page = await browser.newPage();
      for (const name of ["config", "http", "guard", "cache-client"]) {
        await page.goto(`${base}/packages/${name}`);
        const first = page.locator(".vp-doc > div > *").first();
        expect(await first.evaluate((el) => el.tagName)).toBe("H1");
        expect(await page.locator(".vp-doc h1 code, .vp-doc h2 code").count()).toBe(0);
        expect(await page.title()).toMatch(new RegExp(`^@org/${name}`));
        expect(await page.locator(`.vp-doc a[href^="/design/"]`).count()).toBeGreaterThan(0);
      }
      await page.close();
    },
    SEVERAL_PAGES,
  );

  it(
    "lists createRegionalCache and loadConfig with their options in the API reference",
    async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/api/`);
      expect(await page.locator(".vp-doc").getByRole("link", { name: "@org/cache-client", exact: true }).count()).toBe(
        1,
      );
      await page.goto(`${base}/api/cache-client`);
      expect(await page.locator(".vp-doc h1").textContent()).toContain("@org/cache-client");
      const headings = () => page.locator(".vp-doc h2, .vp-doc h3, .vp-doc h4, .vp-doc h5").allTextContents();
      expect((await headings()).join("\n")).toMatch(/createRegionalCache/);
      // The options interface with its documented properties.
      expect((await headings()).join("\n")).toMatch(/RegionalCacheOptions/);
      for (const option of ["localRegion", "topology", "opTimeoutMs"])
        expect((await headings()).some((h) => h.startsWith(option))).toBe(true);
      await page.goto(`${base}/api/config`);
      expect((await headings()).join("\n")).toMatch(/loadConfig/);
      expect((await headings()).join("\n")).toMatch(/LoadConfigOptions/);
      for (const option of ["env", "file", "values"])
        expect((await headings()).some((h) => h.startsWith(option))).toBe(true);
      await page.close();
      // The API pages are the largest of the site; three test-profile budgets.
    },
    SEVERAL_PAGES,
  );
});
