import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// A helper's own pause (session 40, issue 9): rsshub's `const delay = (timeout = 1000) => new Promise((resolve) =>
// setTimeout(resolve, timeout))` (fresh112) and walletconnect's object method `debounce(func, timeout = 500)`
// (fresh113, three copies). The default is how long to pause or to wait for quiet; nothing fails when it runs out.
describe("the defaults of a file's own sleep and debounce helpers", () => {
  it("reports no sleep helper's default, arrow or function, returned or bare", async () => {
    const source = [
      "const delay = (timeout = 1000) => new Promise((resolve) => setTimeout(resolve, timeout));",
      "async function pause(timeout = 2000) {",
      "  return new Promise((resolve) => setTimeout(() => resolve(), timeout));",
      "}",
      "module.exports = { delay, pause };",
    ].join("\n");
    expect(await findingLines("lib/util.js", source)).toEqual([]);
  });

  it("reports no default of a debounce written as an object's method", async () => {
    const source = [
      "export const CoreHelperUtil = {",
      "  debounce(func: (...args: unknown[]) => unknown, timeout = 500) {",
      "    let timer: ReturnType<typeof setTimeout> | undefined;",
      "    return (...args: unknown[]) => {",
      "      if (timer) clearTimeout(timer);",
      "      timer = setTimeout(() => func(...args), timeout);",
      "    };",
      "  },",
      "};",
    ].join("\n");
    expect(await findingLines("src/utils/CoreHelperUtil.ts", source)).toEqual([]);
  });

  it("still reports the default of a helper whose timer rejects what it races", async () => {
    const source = [
      "export function fetchWithTimeout(url: string, timeout = 3000) {",
      "  return new Promise((resolve, reject) => {",
      '    setTimeout(() => reject(new Error("timeout")), timeout);',
      "    fetch(url).then(resolve, reject);",
      "  });",
      "}",
      "export const Util = {",
      "  request(url: string, timeout = 3000) {",
      "    return fetch(url, { signal: AbortSignal.timeout(timeout) });",
      "  },",
      "};",
    ].join("\n");
    expect(await findingLines("src/fetch.ts", source)).toEqual(["1: no-hardcoded-timeout", "8: no-hardcoded-timeout"]);
  });
});

// A sleep helper of another module, whatever it is called (session 55, issue 9): webdriver-image-comparison's
// `export async function waitFor(milliseconds) { return new Promise((resolve) => setTimeout(() => resolve(),
// milliseconds)); }` in helpers/utils.js, awaited as `await waitFor(fullPageScrollTimeout)` after each scroll in
// methods/screenshots.js; its tests hand `fullPageScrollTimeout: 1` (fresh264, ten findings labelled false).
describe("a sleep helper declared in another module of the package", () => {
  const utils = [
    "/** Wait for an amount of milliseconds */",
    "export async function waitFor(milliseconds) {",
    "  return new Promise((resolve) => setTimeout(() => resolve(), milliseconds));",
    "}",
    "export function waitForDeadline(promise, ms) {",
    "  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('t')), ms))]);",
    "}",
  ].join("\n");
  const screenshots = [
    "import { waitFor, waitForDeadline } from '../helpers/utils.js';",
    "export async function takeFullPage(executor, { fullPageScrollTimeout, loadTimeout }) {",
    "  for (let i = 0; i < 3; i++) {",
    "    await executor.scroll(i);",
    "    await waitFor(fullPageScrollTimeout);",
    "  }",
    "  await waitForDeadline(executor.load(), loadTimeout);",
    "}",
  ].join("\n");
  const test = [
    "import { takeFullPage } from './screenshots.js';",
    "it('scrolls', async () => {",
    "  await takeFullPage(executor, { fullPageScrollTimeout: 1500, loadTimeout: 5000 });",
    "});",
  ].join("\n");
  const files = {
    "pkg/helpers/utils.js": utils,
    "pkg/methods/screenshots.js": screenshots,
    "pkg/methods/screenshots.test.js": test,
  };

  it("reports no value only slept for, but still one a deadline helper races", async () => {
    expect(await packageFindings(files)).toEqual(["pkg/methods/screenshots.test.js:3: no-hardcoded-timeout"]);
  });

  it("judged file by file, the pause is reported as a timeout", async () => {
    expect(await packageFindings(files, undefined, false)).toEqual([
      "pkg/methods/screenshots.test.js:3: no-hardcoded-timeout",
      "pkg/methods/screenshots.test.js:3: no-hardcoded-timeout",
    ]);
  });
});
