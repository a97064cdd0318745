import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A sleep helper raced against an operation (session 40, issue 9): walletconnect's `Promise.race(
// [fetchRecommendedWallets(), CoreHelperUtil.wait(3000)])` bounds the prefetch at 3 s (fresh113's 3 misses).
describe("a package's own sleep raced against an operation", () => {
  const source = (line: string) =>
    ['import { CoreHelperUtil } from "./CoreHelperUtil";', "export async function prefetch() {", `  ${line}`, "}"].join(
      "\n",
    );

  it("reports the sleep's duration as the race's deadline", async () => {
    expect(
      await findingLines("src/ApiCtrl.ts", source("await Promise.race([fetchWallets(), CoreHelperUtil.wait(3000)]);")),
    ).toEqual(["3: no-hardcoded-timeout"]);
    expect(await findingLines("src/ApiCtrl.ts", source("await Promise.race([fetchWallets(), sleep(3000)]);"))).toEqual([
      "3: no-hardcoded-timeout",
    ]);
    // desktop-commander's `this.sleep(500).then(() => null)`: the sleep only marks what the race settles with.
    expect(
      await findingLines(
        "src/channel.ts",
        source("await Promise.race([getSession(), this.sleep(500).then(() => null)]);"),
      ),
    ).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("reports no sleep awaited beside the operation in allSettled, one awaited alone, or one that only delays a raced task", async () => {
    expect(
      await findingLines(
        "src/ApiCtrl.ts",
        source("await Promise.allSettled([fetchWallets(), CoreHelperUtil.wait(300)]);"),
      ),
    ).toEqual([]);
    expect(await findingLines("src/ApiCtrl.ts", source("await CoreHelperUtil.wait(3000);"))).toEqual([]);
    // @kadena/client's `sleep(1).then(task)` in a race only delays the task by a millisecond.
    expect(
      await findingLines("src/retry.ts", source("await Promise.race([rejectTimer.promise, sleep(1000).then(task)]);")),
    ).toEqual([]);
  });
});

// A sleep in an async task started on the spot and kept (session 55, issue 9): ethers' fallback provider (quais,
// fresh39) keeps `runner.staller = (async () => { await stall(config.stallTimeout); runner.staller = null; })()` and
// races it against the request; when it settles the next backend is asked. The file's own `stall` is a sleep helper.
describe("a sleep in a kept async task", () => {
  const source = (statement: string) =>
    [
      "const defaultConfig = { stallTimeout: 400, priority: 1 };",
      "function stall(duration) {",
      "  return new Promise((resolve) => { setTimeout(resolve, duration); });",
      "}",
      "export function start(runner, config) {",
      `  ${statement}`,
      "  return runner;",
      "}",
    ].join("\n");

  it("reports the sleep's duration when the task's promise is kept", async () => {
    expect(
      await findingLines(
        "src/provider-fallback.js",
        source("runner.staller = (async () => { await stall(config.stallTimeout); runner.staller = null; })();"),
      ),
    ).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("reports no duration a dropped task only sleeps for", async () => {
    expect(
      await findingLines(
        "src/provider-fallback.js",
        source("(async () => { await stall(config.stallTimeout); runner.retry(); })();"),
      ),
    ).toEqual([]);
  });
});
