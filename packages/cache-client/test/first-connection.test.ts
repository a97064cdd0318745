import { describe, expect, it } from "vitest";
import type { RegionalCache } from "../src/index.ts";
import { RedisStore } from "../src/redis-store.ts";
import { createRegionalCacheOnStores } from "../src/testing/index.ts";
import { freshKey, useLocalRegions } from "./helpers.ts";
import { hasRedis, OP_TIMEOUT_MS, testConfig } from "./profile.ts";

// A new connection is ready once the server answered its ready check; the store then loads its
// scripts. A cluster that stops answering in between (SIGSTOP, a link that loses its replies, just
// when a new instance starts) left that load pending, and every call to the cluster waited on it
// without a bound: invalidate, set, lease, relay rounds and close() hung until the server answered
// again. In the fault soak (seed 2: a slow link to ap-southeast-1-b, then its SIGSTOP 0.7 s later),
// the calls of the instances that connected through that link could only end when the run healed
// it. The first connection, ready check and script load together, is bounded by the connect timeout.
describe.skipIf(!hasRedis)("a cluster that hangs while the first connection loads its scripts", () => {
  const { local } = useLocalRegions({ heal: true, flush: true });

  it("holds no call beyond the connect timeout, and close() still settles", async () => {
    const victim = "us-east-1-a";
    let hung = false;
    const connectTimeoutMs = testConfig.timeouts.connect;
    const cache: RegionalCache = createRegionalCacheOnStores(
      { topology: local().topology, localRegion: "us-east-1", opTimeoutMs: OP_TIMEOUT_MS },
      (cluster, context) =>
        new RedisStore(cluster, {
          ...context,
          connectTimeoutMs,
          // The store's "ready" listener runs before the one that starts the script load: the
          // server stops after answering the ready check and before it reads SCRIPT LOAD.
          onReady: (id) => {
            if (id === victim && !hung) {
              hung = true;
              local().partition(victim);
            }
            context.onReady?.(id);
          },
        }),
    );
    try {
      const report = await cache.invalidate(freshKey());
      expect(hung).toBe(true);
      expect(report.queued).toEqual([victim]);
      expect(report.reasons[victim]).toBe("timeout");
      // The breaker has the cluster down now: later calls fail fast instead of waiting on the load.
      expect((await cache.set(freshKey(), 1)).stored).toEqual(["us-east-1-b"]);
      expect(typeof (await cache.deliverQueued())).toBe("number");
    } finally {
      await cache.close();
      local().heal(victim);
    }
  });
});
