import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CacheError } from "../src/index.ts";
import { startLocalRegions, type LocalRegions } from "../src/testing/index.ts";
import { cacheFactory, freshKey, withRaw } from "./helpers.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// Issue 8, items 4, 9 and 11: answers and memory stay bounded, and no interval trusts the wall clock.
describe.skipIf(!hasRedis)("bounded answers, memory and clocks", () => {
  let local: LocalRegions;
  const caches = cacheFactory(() => local);
  beforeAll(async () => {
    local = await startLocalRegions();
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const id of local.clusterIds) local.heal(id);
    await caches.closeAll();
  });
  afterAll(() => local?.stop());

  it("a read with both local clusters hung tries both and names why each failed", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    await cache.set(key, "v");
    local.partition("us-east-1-a");
    local.partition("us-east-1-b");
    const error = (await cache.get(key).catch((e: unknown) => e)) as CacheError;
    expect(error).toBeInstanceOf(CacheError);
    expect(error.code).toBe("ORG_CACHE_UNAVAILABLE");
    // Both were tried within one bound (the second after half of it), whichever failed first.
    expect(error.message).toMatch(new RegExp(`within ${OP_TIMEOUT_MS} ms: `));
    expect(error.message).toMatch(/us-east-1-a: timeout/);
    expect(error.message).toMatch(/us-east-1-b: timeout/);
  });

  it("a backward wall-clock step neither makes a fail-closed read fresh, nor pauses delivery, nor makes lag negative", async () => {
    const cache = caches.open("us-east-1", { opTimeoutMs: OP_TIMEOUT_MS * 5 });
    const key = freshKey();
    await cache.set(key, "active");
    await cache.deliverQueued();
    local.partition("ap-southeast-1-b");
    const report = await cache.invalidate(freshKey());
    expect(report.queued).toEqual(["ap-southeast-1-b"]);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 3_600_000 });
    // The partitioned cluster's outbox cannot be swept: never fresh, however the clock moved.
    await eventually(async () => expect(await cache.get(key, { failClosed: true })).toBeUndefined());
    for (let i = 0; i < 5; i++) expect(await cache.get(key, { failClosed: true })).toBeUndefined();
    expect(cache.metrics().clusters.every((c) => c.deliveryLagMs >= 0)).toBe(true);
    local.heal("ap-southeast-1-b");
    await eventually(async () =>
      expect(await withRaw(local, "ap-southeast-1-b", (c) => c.exists(`org:cache:applied:${report.id}`))).toBe(1),
    );
  });
});
