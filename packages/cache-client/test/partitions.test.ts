import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Topology } from "@org/config";
import { startFaultProxy, startLocalRegions, type FaultProxy, type LocalRegions } from "../src/testing/index.ts";
import { cacheFactory, freshKey, valueKey, withRaw, without } from "./helpers.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// Partitions through loopback proxies that lose what is in transit (unlike SIGSTOP, where the
// server runs the buffered command once resumed): the partitioned cluster really keeps the value.
describe.skipIf(!hasRedis)("partitions, lost cluster state and topology skew", () => {
  let local: LocalRegions;
  const proxies = new Map<string, FaultProxy>();
  const caches = cacheFactory(() => local);
  beforeAll(async () => {
    local = await startLocalRegions();
    for (const id of local.clusterIds) proxies.set(id, await startFaultProxy(local.port(id)));
  });
  afterEach(async () => {
    await caches.closeAll();
    for (const proxy of proxies.values()) proxy.restore();
  });
  afterAll(async () => {
    await Promise.all([...proxies.values()].map((p) => p.close()));
    await local?.stop();
  });

  /** The topology as seen through the proxies of `ids` (the other clusters direct). */
  const through = (ids: string[], topology: Topology = local.topology): Topology => ({
    regions: topology.regions.map((region) => ({
      ...region,
      clusters: region.clusters.map((c) =>
        ids.includes(c.id) ? { ...c, url: `redis://127.0.0.1:${proxies.get(c.id)!.port}` } : c,
      ),
    })),
  });
  const holds = (id: string, key: string) => withRaw(local, id, (c) => c.get(valueKey(key)));

  it("a healed cluster is not read until the relay has swept it: reads go to the other local cluster or miss", async () => {
    // A slow relay makes the window between the heal and the delivery wide.
    const cache = caches.open("us-east-1", { relayIntervalMs: OP_TIMEOUT_MS * 10 }, through(["us-east-1-a"]));
    const key = freshKey();
    await cache.set(key, "active");
    proxies.get("us-east-1-a")!.cut();
    const report = await cache.invalidate(key);
    expect(report.queued).toEqual(["us-east-1-a"]);
    expect(await holds("us-east-1-a", key)).toBe('"active"');
    proxies.get("us-east-1-a")!.restore();
    let stale = 0;
    let reads = 0;
    await eventually(async () => {
      reads++;
      if ((await cache.get(key)) !== undefined) stale++;
      expect(await holds("us-east-1-a", key)).toBeNull();
    });
    expect(reads).toBeGreaterThan(1);
    expect(stale).toBe(0);
  });

  it("durable: recorded in two regions, it survives one holder restarting empty and the issuer closing", async () => {
    const cut = ["us-east-1-b", "eu-west-1-b", "ap-southeast-1-a", "ap-southeast-1-b"];
    const seed = caches.open("ap-southeast-1");
    const key = freshKey();
    await seed.set(key, "active");
    await caches.open("us-east-1").set(key, "active");
    const issuer = caches.open("us-east-1", {}, through(cut));
    await issuer.invalidate("warm-up");
    for (const id of cut) proxies.get(id)!.cut();
    const report = await issuer.invalidate(key);
    expect(report.delivered.sort()).toEqual(["eu-west-1-a", "us-east-1-a"]);
    expect(report.durable).toBe(true);
    await issuer.close();
    await caches.closeAll();
    // One of the two holders loses everything.
    await withRaw(local, "eu-west-1-a", (c) => c.flushall());
    for (const id of cut) proxies.get(id)!.restore();
    caches.open("eu-west-1"); // a fresh instance relays from the outbox that is left
    await eventually(async () => {
      for (const id of ["us-east-1-b", "ap-southeast-1-a", "ap-southeast-1-b"])
        expect(await holds(id, key), id).toBeNull();
    });
  });

  it("not durable when only one cluster recorded it; the issuer keeps delivering it itself", async () => {
    const cut = local.clusterIds.filter((id) => id !== "us-east-1-a");
    const key = freshKey();
    await caches.open("ap-southeast-1").set(key, "active");
    const issuer = caches.open("us-east-1", {}, through(cut));
    await issuer.invalidate("warm-up");
    for (const id of cut) proxies.get(id)!.cut();
    const report = await issuer.invalidate(key);
    expect(report).toMatchObject({ delivered: ["us-east-1-a"], durable: false, complete: false });
    // The single holder loses its state; only the issuer's memory has the invalidation now.
    await withRaw(local, "us-east-1-a", (c) => c.flushall());
    for (const id of cut) proxies.get(id)!.restore();
    await eventually(async () => {
      for (const id of ["ap-southeast-1-a", "ap-southeast-1-b"]) expect(await holds(id, key), id).toBeNull();
    });
  });

  it("an instance whose topology lacks a cluster never retires entries for it; one that knows it delivers them", async () => {
    const key = freshKey();
    await withRaw(local, "ap-southeast-1-b", (c) => c.set(valueKey(key), '"active"'));
    const issuer = caches.open("us-east-1", {}, through(["ap-southeast-1-b"]));
    await issuer.invalidate("warm-up");
    proxies.get("ap-southeast-1-b")!.cut();
    const report = await issuer.invalidate(key);
    expect(report.queued).toEqual(["ap-southeast-1-b"]);
    await issuer.close();
    await caches.closeAll();
    proxies.get("ap-southeast-1-b")!.restore();
    // An instance deployed with the older topology (no ap-southeast-1-b) relays for a while.
    const old = caches.open("us-east-1", {}, without(local.topology, "ap-southeast-1-b"));
    for (let round = 0; round < 3; round++) await old.deliverQueued();
    const outboxed = await withRaw(local, "us-east-1-a", (c) => c.xlen("org:cache:outbox"));
    expect(outboxed).toBeGreaterThan(0);
    expect(await holds("ap-southeast-1-b", key)).toBe('"active"');
    // An instance with the new topology delivers it.
    caches.open("eu-west-1");
    await eventually(async () => expect(await holds("ap-southeast-1-b", key)).toBeNull());
  });

  // Issue 8 (a busy process): a connection that dropped without an error and has not reconnected
  // failed calls with "connection is connecting", which counted as the cluster's success, so its
  // breaker never opened and the report's reason was "error".
  it("a call on a connection that closed without an error and is still reconnecting is the cluster's failure: unavailable, never its success", async () => {
    const target = "us-east-1-a";
    const proxy = proxies.get(target)!;
    // No relay round during the test: nothing else is sent on the connections.
    const cache = caches.open("us-east-1", { relayIntervalMs: OP_TIMEOUT_MS * 100 }, through([target]));
    await cache.invalidate(freshKey("warm-up"));
    const clientIds = async () =>
      withRaw(local, target, async (c) =>
        [...String(await c.client("LIST")).matchAll(/^id=(\d+) /gm)].map((m) => Number(m[1])),
      );
    const before = Math.max(...(await clientIds()));
    // Nothing passes any more, and the open connections are closed cleanly (no error on the
    // client's side); the reconnects are accepted and then never answered.
    proxy.cut();
    proxy.drop();
    // Both connections of the cache saw the close: they reconnected (the proxy opened new upstream ones).
    await eventually(async () =>
      expect((await clientIds()).filter((id) => id > before).length).toBeGreaterThanOrEqual(2),
    );
    const report = await cache.invalidate(freshKey());
    expect(report.queued).toEqual([target]);
    expect(report.reasons[target]).toBe("unavailable");
    expect(cache.metrics().clusters.find((c) => c.id === target)).toMatchObject({
      state: "down",
      lastFailure: "unavailable",
    });
  });
});
