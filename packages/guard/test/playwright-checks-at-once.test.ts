import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Playwright's isVisible and isHidden answer at once and ignore their `timeout` option (notebooklm-mcp, fresh109);
// waitFor and the checks that wait keep theirs.

describe("Playwright checks that answer at once", () => {
  it("releases isVisible's and isHidden's timeout, keeps waitFor's and isEnabled's", async () => {
    const source = [
      "export async function ready(page) {",
      "  if (await page.locator('#audio').isVisible({ timeout: 5000 }).catch(() => false)) return true;",
      "  const hidden = await page.isHidden('#spinner', { timeout: 3000 });",
      "  await page.locator('#play').waitFor({ timeout: 5000 });",
      "  return hidden && (await page.locator('#play').isEnabled({ timeout: 2000 }));",
      "}",
    ].join("\n");
    expect(await packageFindings({ "dist/notebooklm/audio.js": source })).toEqual([
      "dist/notebooklm/audio.js:4: no-hardcoded-timeout",
      "dist/notebooklm/audio.js:5: no-hardcoded-timeout",
    ]);
  });
});
