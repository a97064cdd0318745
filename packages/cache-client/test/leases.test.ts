import { describe, expect, it } from "vitest";
import { freshKey, useLocalRegions, valueKey, withRaw } from "./helpers.ts";
import { eventually, hasRedis } from "./profile.ts";

// Issue 8, items 1 and 2: a fill or a shared load that began before an invalidation never
// lands or is served after it, whatever happened to the clusters in between.
describe.skipIf(!hasRedis)("leases and loads against invalidations", () => {
  const { local, caches } = useLocalRegions();

  /** Restarts a cluster empty and waits until `cache` writes to it again. */
  async function restartEmpty(cache: ReturnType<typeof caches.open>, clusterId: string) {
    await local().kill(clusterId);
    await local().restart(clusterId);
    await eventually(async () => expect((await cache.set(freshKey("probe"), 1)).stored).toContain(clusterId));
  }

  it("a lease taken before an invalidation is void on a cluster that restarted empty since", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    const lease = await cache.lease(key);
    expect((await cache.invalidate(key)).complete).toBe(true);
    await restartEmpty(cache, "us-east-1-a");
    expect(await cache.set(key, "read before the revocation", { lease })).toEqual({ stored: [] });
    expect(await withRaw(local(), "us-east-1-a", (c) => c.get(valueKey(key)))).toBeNull();
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.get(key, { failClosed: true })).toBeUndefined();
  });

  it("a lease is void once the key's generation expired", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    const lease = await cache.lease(key);
    await cache.invalidate(key);
    for (const id of ["us-east-1-a", "us-east-1-b"]) {
      await withRaw(local(), id, (c) => c.del(`org:cache:{${key}}:gen`));
    }
    expect(await cache.set(key, "stale", { lease })).toEqual({ stored: [] });
    expect(await cache.get(key, { failClosed: true })).toBeUndefined();
  });

  it("no ABA: lease -> invalidate -> restart empty -> invalidate -> the old fill is still refused", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    await cache.invalidate(key); // the key has a generation before the lease
    const lease = await cache.lease(key);
    await cache.invalidate(key);
    await restartEmpty(cache, "us-east-1-a");
    await cache.invalidate(key); // a counter would be back at the lease's value here
    const { stored } = await cache.set(key, "stale", { lease });
    expect(stored).toEqual([]);
    expect(await withRaw(local(), "us-east-1-a", (c) => c.get(valueKey(key)))).toBeNull();
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.get(key, { failClosed: true })).toBeUndefined();
  });

  it("a lease taken after the invalidation fills normally", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    await cache.invalidate(key);
    const lease = await cache.lease(key);
    expect((await cache.set(key, "fresh", { lease })).stored.sort()).toEqual(["us-east-1-a", "us-east-1-b"]);
    expect(await cache.get(key)).toBe("fresh");
  });

  it("getOrSet after a completed invalidation does not join a load that started before it", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    let release!: (value: string) => void;
    let loaderCalled!: () => void;
    const called = new Promise<void>((resolve) => (loaderCalled = resolve));
    const before = cache.getOrSet(key, () => {
      loaderCalled();
      return new Promise<string>((resolve) => (release = resolve));
    });
    await called;
    expect((await cache.invalidate(key)).complete).toBe(true);
    const after = cache.getOrSet(key, () => "after the revocation");
    release("before the revocation");
    expect(await after).toBe("after the revocation");
    expect(await before).toBe("before the revocation"); // its caller asked before the invalidation
    expect(await cache.get(key)).toBe("after the revocation");
  });

  it("concurrent getOrSet calls with no invalidation between them share one load", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    let loads = 0;
    const loader = async () => {
      loads++;
      return "value";
    };
    const results = await Promise.all([
      cache.getOrSet(key, loader),
      cache.getOrSet(key, loader),
      cache.getOrSet(key, loader),
    ]);
    expect(results).toEqual(["value", "value", "value"]);
    expect(loads).toBe(1);
  });
});
