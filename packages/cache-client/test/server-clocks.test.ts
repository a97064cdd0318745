import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { entryFields } from "../src/outbox-format.ts";
import type { LocalRegions } from "../src/testing/index.ts";
import { freshKey, useLocalRegions, valueKey, withRaw } from "./helpers.ts";
import { eventually, hasRedis, testConfig } from "./profile.ts";

// A cluster's clock is Redis TIME: wall-clock time, which steps. What reads it (PROTOCOL.md,
// "Clocks"): sweep stamps, judged against the same cluster's TIME, and the outbox's stream ids,
// judged against the outbox cluster's TIME. A redis-server's clock cannot be stepped here (the
// machine's clock is shared, and libfaketime cannot be preloaded into a jemalloc redis-server), so
// these tests write the state a step leaves behind on real redis-server: stamps written before a
// backward step lie ahead of the cluster's clock; entries recorded before a forward step look older
// than they are.
const HOUR_MS = 3_600_000;
const RETENTION_MS = 2 * testConfig.cache.maxTtlMs;

const clusterNow = (local: LocalRegions, id: string) =>
  withRaw(local, id, async (c) => {
    const [seconds, micros] = await c.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  });

describe.skipIf(!hasRedis)("server clock steps", () => {
  const { local, caches } = useLocalRegions({ heal: true, flush: true });

  it("a fail-closed read does not count sweep stamps ahead of the cluster's own clock (it stepped back) as fresh", async () => {
    // A relay that runs rarely, and a freshness window as long as it implies: only the stamps decide.
    const cache = caches.open("us-east-1", { relayIntervalMs: testConfig.timeouts.test });
    const key = freshKey();
    const locals = ["us-east-1-a", "us-east-1-b"];
    const stamp = async (offsetMs: number) => {
      for (const id of locals) {
        const now = await clusterNow(local(), id);
        const stamps = local()
          .clusterIds.filter((s) => s !== id)
          .flatMap((s) => [s, String(now + offsetMs)]);
        await withRaw(local(), id, async (c) => {
          await c.set(valueKey(key), JSON.stringify("active"), "PX", testConfig.cache.maxTtlMs);
          await c.hset("org:cache:swept", ...stamps);
        });
      }
    };
    // Swept just now by every outbox: served.
    await stamp(0);
    expect(await cache.get(key, { failClosed: true })).toBe("active");
    // One outbox's cluster hangs, so nothing can sweep it again, and the local clusters' clocks
    // step back an hour: the stamps written before the step now lie an hour ahead of their clocks.
    local().partition("ap-southeast-1-a");
    await stamp(HOUR_MS);
    expect(await cache.get(key, { failClosed: true })).toBeUndefined();
  });

  it("an outbox entry that looks older than the retention because the outbox's clock stepped forward is still delivered", async () => {
    const source = "us-east-1-a";
    const target = "ap-southeast-1-a";
    const key = freshKey("revoked");
    const id = randomUUID();
    await withRaw(local(), target, (c) =>
      c.set(valueKey(key), JSON.stringify("active"), "PX", testConfig.cache.maxTtlMs),
    );
    // Recorded in the source's outbox (and applied there) for a target that was away; then the
    // source's clock stepped forward by more than the retention, so the entry's stream id (the
    // source's clock when it was recorded) is that far behind the source's clock now.
    const sourceNow = await clusterNow(local(), source);
    await withRaw(local(), source, async (c) => {
      const fields = entryFields({ id, keys: [key], at: 0, targets: [source, target] });
      await c.xadd("org:cache:outbox", `${sourceNow - RETENTION_MS - HOUR_MS}-1`, ...Object.entries(fields).flat());
      await c.set(`org:cache:applied:${id}`, "1", "PX", RETENTION_MS);
    });
    const relay = caches.open("eu-west-1");
    await eventually(async () => {
      await relay.deliverQueued();
      expect(await withRaw(local(), source, (c) => c.xlen("org:cache:outbox"))).toBe(0);
    });
    // Retired only once delivered: the target no longer holds the revoked value.
    expect(await withRaw(local(), target, (c) => c.exists(`org:cache:applied:${id}`))).toBe(1);
    expect(await withRaw(local(), target, (c) => c.get(valueKey(key)))).toBeNull();
  });
});
