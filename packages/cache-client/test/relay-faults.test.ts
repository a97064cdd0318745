import { describe, expect, it } from "vitest";
import { rawClient, useLocalRegions, withRaw, writeBacklog } from "./helpers.ts";
import { eventually, hasRedis, testConfig } from "./profile.ts";

// Thousands of entries on a loaded machine: three test timeouts (from config).
const HEAVY = testConfig.timeouts.test * 3;

describe.skipIf(!hasRedis)("relay passes cut short", () => {
  const { local, caches } = useLocalRegions({ flush: true });

  // The soak's stall (20 instances, a 10k backlog, load ~25): under load one renewal in a long pass
  // failed, the pass retired nothing, and the next lease holder walked the same entries again.
  it(
    "a pass that loses its lease part-way still retires every entry all its targets applied, and no other",
    async () => {
      const source = "us-east-1-a";
      const targets = ["eu-west-1-a", "ap-southeast-1-a"];
      const count = 20_000;
      await writeBacklog(local(), [source], { tag: "cut", count, targets: [source, ...targets] });
      const relay = caches.open("eu-west-1");
      // Once the first page has reached a target, another owner takes the outbox's lease: the
      // pass's next renewal finds it gone and the pass ends part-way.
      let firstPage = 0;
      const stolen = new Promise<void>((resolve) => {
        relay.on("delivered", (event) => {
          if (event.clusterId !== targets[0] || ++firstPage !== 200) return;
          void withRaw(local(), source, async (c) => {
            const [lease] = await c.keys("org:cache:relay:*");
            await c.set(lease!, "another-instance", "PX", HEAVY);
          }).then(resolve);
        });
      });
      await eventually(async () => {
        await relay.deliverQueued();
        expect(firstPage).toBeGreaterThanOrEqual(200);
      });
      await stolen;
      // The pass that was running when the lease went away has ended.
      await relay.deliverQueued();

      const raw = rawClient(local(), source);
      try {
        const left = new Set((await raw.xrange("org:cache:outbox", "-", "+")).map(([, f]) => f[f.indexOf("id") + 1]!));
        // Cut short (some left), yet what it had finished is gone (some retired) ...
        expect(left.size).toBeGreaterThan(0);
        expect(left.size).toBeLessThan(count);
        // ... and only entries both targets had applied.
        const retired = Array.from({ length: count }, (_, i) => `cut-${i}`).filter((id) => !left.has(id));
        for (const target of targets) {
          const applied = await withRaw(local(), target, async (c) => {
            const pipeline = c.pipeline();
            for (const id of retired) pipeline.exists(`org:cache:applied:${id}`);
            return ((await pipeline.exec()) ?? []).filter(([, n]) => n === 1).length;
          });
          expect(applied, `retired entries applied on ${target}`).toBe(retired.length);
        }
      } finally {
        raw.disconnect();
      }
    },
    HEAVY,
  );
});
