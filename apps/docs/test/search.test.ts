import { CHECKLISTS } from "@org/checklists";
import { RULES } from "@org/guard";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRun, connect, hydrated } from "./site.ts";

describe.skipIf(!canRun)("the local search", () => {
  let browser: Browser;
  let base: string;
  let page: Page;

  /**
   * Types a query into the open search box and returns the result links. The list is emptied first,
   * so the first links that appear afterwards are this query's (the box updates after a debounce).
   */
  async function search(query: string): Promise<string[]> {
    const input = page.locator("#localsearch-input");
    await input.fill("");
    await page.waitForFunction(() => document.querySelectorAll("#localsearch-list a.result").length === 0);
    await input.fill(query);
    await page.waitForFunction(() => document.querySelectorAll("#localsearch-list a.result").length > 0);
    return results();
  }

  beforeAll(async () => {
    ({ browser, base } = await connect());
    page = await browser.newPage();
    await page.goto(base);
    await hydrated(page);
    await page.getByRole("button", { name: "Search" }).first().click();
    await page.locator("#localsearch-input").waitFor();
  });

  const results = () =>
    page.locator("#localsearch-list a.result").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  afterAll(async () => browser?.close());

  it.each(Object.keys(RULES))("finds the rule %s in the guard rule reference", async (id) => {
    // The AI context page quotes the rules too; the reference's own section must be among the results.
    expect(await search(id)).toContain(`/reference/guard-rules#${id}`);
  });

  const items = CHECKLISTS.flatMap((checklist) =>
    checklist.items.map((item) => ({ checklist: checklist.id, id: item.id, text: item.text })),
  );
  it.each(items)("finds the item $id of the $checklist checklist by its text", async ({ checklist, id, text }) => {
    // Among the results (pages quoting the same words may rank above it), and linking to the item itself.
    expect(await search(text)).toContain(`/checklists/${checklist}#item-${id}`);
  });

  it("finds an error code on the troubleshooting page and opens it", async () => {
    expect(await search("ORG_CACHE_UNAVAILABLE")).toContain("/troubleshooting#org-cache-unavailable");
    await page.locator('#localsearch-list a.result[href="/troubleshooting#org-cache-unavailable"]').click();
    await page.waitForURL(/\/troubleshooting#org-cache-unavailable$/);
    await expect.poll(() => page.locator(".vp-doc h1").textContent()).toContain("Troubleshooting");
  });
});
