import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Topology } from "@org/config";
import { createRegionalCache } from "../src/index.ts";
import {
  expectInvalidatedEverywhere,
  startLocalRedisCluster,
  startLocalRegions,
  type LocalRedisCluster,
  type LocalRegions,
} from "../src/testing/index.ts";
import { hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// One region's pair is a real 3-node Redis Cluster (mode "cluster", seed nodes); the rest standalone.
describe.skipIf(!hasRedis)("a topology cluster that is a Redis Cluster", () => {
  let local: LocalRegions;
  let redisCluster: LocalRedisCluster;
  let topology: Topology;

  beforeAll(async () => {
    [local, redisCluster] = await Promise.all([startLocalRegions(), startLocalRedisCluster(3)]);
    const [first, ...seeds] = redisCluster.urls;
    topology = {
      regions: local.topology.regions.map((region) =>
        region.id !== "eu-west-1"
          ? region
          : {
              ...region,
              clusters: [{ id: "eu-west-1-a", url: first!, mode: "cluster" as const, seeds }, region.clusters[1]!],
            },
      ),
    };
  });
  afterAll(async () => {
    await Promise.all([local?.stop(), redisCluster?.stop()]);
  });

  it("fills, reads and invalidates many keys across its slots", async () => {
    const cache = createRegionalCache({ topology, localRegion: "eu-west-1", opTimeoutMs: OP_TIMEOUT_MS * 5 });
    try {
      const keys = Array.from({ length: 50 }, (_, i) => `session:${i}`);
      for (const key of keys) expect((await cache.set(key, { key })).stored).toContain("eu-west-1-a");
      expect(await cache.get("session:7")).toEqual({ key: "session:7" });
      const lease = await cache.lease("session:8");
      const report = await cache.invalidate(keys);
      expect(report).toMatchObject({ complete: true, queued: [] });
      expect(report.delivered).toContain("eu-west-1-a");
      for (const key of keys.slice(0, 5)) await expectInvalidatedEverywhere(topology, key);
      expect(await cache.set("session:8", "stale", { lease })).toEqual({ stored: [] });
    } finally {
      await cache.close();
    }
  });
});
