import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegionalCache, type RegionalCache } from "../src/index.ts";
import { startLocalRegions, type LocalRegions } from "../src/testing/index.ts";
import { eventually, hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// A seeded, bounded run of random operations across regions: fills (under leases), reads,
// invalidations, partitions, heals and client crashes. Then every cluster is healed and the
// invariants are checked against what each operation was told.
const SEED = Number(process.env.FAULT_SEED ?? 20261128);
const OPERATIONS = 120;
const KEYS = ["k0", "k1", "k2", "k3", "k4"];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!hasRedis)(`fault injection (seed ${SEED}, ${OPERATIONS} operations)`, () => {
  let local: LocalRegions;
  beforeAll(async () => {
    local = await startLocalRegions();
  });
  afterAll(async () => {
    await local?.stop();
  });

  it("applies every accepted invalidation everywhere, never resurrects a value, and reports honestly", async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const regions = local.topology.regions.map((r) => r.id);
    const open = (region: string) =>
      createRegionalCache({ topology: local.topology, localRegion: region, opTimeoutMs: OP_TIMEOUT_MS });
    const clients: RegionalCache[] = regions.map(open);
    const partitioned = new Set<string>();
    const invalidations: { id: string; key: string; seq: number }[] = [];
    const lastInvalidation = new Map<string, number>();
    const raw = new Map(
      local.clusterIds.map((id) => [
        id,
        new Redis(local.port(id), "127.0.0.1", { maxRetriesPerRequest: 0, commandTimeout: OP_TIMEOUT_MS }),
      ]),
    );
    for (const client of raw.values()) client.on("error", () => {});
    let dishonest = 0;

    try {
      for (let seq = 1; seq <= OPERATIONS; seq++) {
        const cache = pick(clients);
        const key = pick(KEYS);
        const roll = random();
        if (roll < 0.3) {
          // A fill carries the sequence number of its lease: the moment its data was "read".
          const lease = await cache.lease(key);
          await cache.set(key, { leaseSeq: seq }, { lease });
        } else if (roll < 0.45) {
          await cache.get(key).catch(() => undefined);
        } else if (roll < 0.7) {
          const report = await cache.invalidate(key);
          invalidations.push({ id: report.id, key, seq });
          lastInvalidation.set(key, seq);
          // Honest: every cluster reported delivered has the applied marker now.
          for (const id of report.delivered) {
            if ((await raw.get(id)!.exists(`org:cache:applied:${report.id}`)) !== 1) dishonest++;
          }
          expect([...report.delivered, ...report.queued].sort()).toEqual([...local.clusterIds].sort());
        } else if (roll < 0.8 && partitioned.size < 2) {
          const id = pick(local.clusterIds);
          local.partition(id);
          partitioned.add(id);
        } else if (roll < 0.92 && partitioned.size > 0) {
          const id = pick([...partitioned]);
          local.heal(id);
          partitioned.delete(id);
        } else {
          // A client crash: its in-memory queue is lost; a new instance takes its place.
          const index = clients.indexOf(cache);
          await cache.close();
          clients[index] = open(regions[index]!);
        }
      }
      for (const id of partitioned) local.heal(id);
      expect(dishonest).toBe(0);

      // Every accepted invalidation is eventually applied on all six clusters.
      await eventually(async () => {
        for (const cache of clients) await cache.deliverQueued();
        for (const { id } of invalidations) {
          for (const [clusterId, client] of raw) {
            expect(await client.exists(`org:cache:applied:${id}`), `${id} on ${clusterId}`).toBe(1);
          }
        }
      }, 100);

      // No resurrection: a value still cached was read (leased) after the key's last invalidation.
      for (const key of KEYS) {
        for (const [clusterId, client] of raw) {
          const value = await client.get(`org:cache:{${key}}`);
          if (value === null) continue;
          const { leaseSeq } = JSON.parse(value) as { leaseSeq: number };
          expect(leaseSeq, `${key} on ${clusterId}`).toBeGreaterThan(lastInvalidation.get(key) ?? 0);
        }
      }
      expect(invalidations.length).toBeGreaterThan(10);
    } finally {
      for (const id of local.clusterIds) local.heal(id);
      await Promise.all(clients.map((c) => c.close()));
      for (const client of raw.values()) client.disconnect();
    }
  });
});
