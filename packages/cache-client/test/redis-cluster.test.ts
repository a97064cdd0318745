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
import { withRaw } from "./helpers.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

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

  it("an entry that cannot be applied (a `}` key: CROSSSLOT) goes to the dead letters and blocks nothing behind it", async () => {
    // Written by an older or foreign client that did not validate the key, in a standalone outbox.
    const fields = (id: string, keys: string[]) => [
      "v",
      "2",
      "id",
      id,
      "keys",
      JSON.stringify(keys),
      "at",
      "0",
      "targets",
      JSON.stringify(topology.regions.flatMap((r) => r.clusters.map((c) => c.id))),
    ];
    await withRaw(local, "us-east-1-a", async (c) => {
      await c.xadd("org:cache:outbox", "*", ...fields("poison", ["}poison"]));
      await c.xadd("org:cache:outbox", "*", ...fields("behind", ["session:behind"]));
    });
    const writer = createRegionalCache({ topology, localRegion: "eu-west-1", opTimeoutMs: OP_TIMEOUT_MS * 5 });
    const relay = createRegionalCache({
      topology,
      localRegion: "us-east-1",
      opTimeoutMs: OP_TIMEOUT_MS * 5,
      // Passes every test-profile bound, so three attempts fit well inside the test's deadline.
      relayIntervalMs: OP_TIMEOUT_MS,
      maxDeliveryAttempts: 3,
    });
    const dead: string[] = [];
    relay.on("deadLetter", (event) => dead.push(`${event.id} ${event.clusterId} ${event.reason}`));
    try {
      expect((await writer.set("session:behind", "stale")).stored).toContain("eu-west-1-a");
      await eventually(async () => expect(await writer.get("session:behind")).toBeUndefined());
      await eventually(async () => expect(dead.join("\n")).toMatch(/^poison eu-west-1-a rejected: .*CROSSSLOT/));
      expect(relay.metrics().deadLettered).toBe(1);
      await withRaw(local, "us-east-1-a", async (c) => {
        expect(await c.xlen("org:cache:dead")).toBe(1);
        await eventually(async () => expect(await c.xlen("org:cache:outbox")).toBe(0));
      });
    } finally {
      await Promise.all([writer.close(), relay.close()]);
    }
  });
});
