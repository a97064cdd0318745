import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 43 (issue 9), from ghost-cursor-playwright (fresh112, 4 misses): `page.waitForSelector(target, { timeout:
// waitForSelector })` makes the local the wait's own bound, so its defaults are hardcoded timeouts whatever it is
// called. Only a known options API counts (there the key is the API's timeout).

describe("a name handed to a known wait under its timeout key", () => {
  it("reports the name's default, fallback and assignment", async () => {
    const code = [
      "async function move(page, target, { waitForSelector = 30000, padding = 0 } = {}) {",
      "  await page.waitForSelector(target, { timeout: waitForSelector });",
      "}",
      "async function click(page, target, moveOptions) {",
      "  let waitForSelector = 15000;",
      "  if (moveOptions) waitForSelector = moveOptions.waitForSelector || 30000;",
      "  await page.waitForSelector(target, { timeout: waitForSelector, visible: true });",
      "}",
    ];
    expect(await findingLines("cursor.js", code.join("\n"))).toEqual([
      "1: no-hardcoded-timeout",
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });

  // Until session 43 this sat in the negatives corpus: a reassigned local has no one value at the call. Each value it
  // is given is still a literal the wait takes as its timeout.
  it("reports each literal a reassigned local is given before it is handed over", async () => {
    const code = ["let mutable = 5000;", "mutable = 6000;", "fetch(url, { timeout: mutable });"];
    expect(await findingLines("mutable.ts", code.join("\n"))).toEqual([
      "1: no-hardcoded-timeout",
      "2: no-hardcoded-timeout",
    ]);
  });

  it("reports nothing for a name handed to a receiver the table does not know", async () => {
    const code = [
      "function notify(toast, message, { duration = 3000 } = {}) {",
      "  toast.show({ message, timeout: duration });",
      "}",
    ];
    expect(await findingLines("notify.js", code.join("\n"))).toEqual([]);
  });

  it("learns no generic name, which another function of the file uses for something else (`ms` of a sleep)", async () => {
    const code = [
      "async function visible(page, target, ms) {",
      "  await page.waitForSelector(target, { timeout: ms });",
      "}",
      "async function pause(ms = 500) {",
      "  await new Promise((resolve) => setTimeout(resolve, ms));",
      "}",
    ];
    expect(await findingLines("pause.js", code.join("\n"))).toEqual([]);
  });
});
