import { randomUUID } from "node:crypto";
import type { Clusters } from "./clusters.ts";
import type { ClusterFailure } from "./failures.ts";
import type { Relay } from "./relay.ts";
import type { OutboxEntry } from "./store.ts";
import type { InvalidationReport } from "./types.ts";

export interface InvalidationContext {
  clusters: Clusters;
  relay: Relay;
  opTimeoutMs: number;
  token: () => string;
}

/**
 * Keys per `opTimeoutMs` of answer time: an invalidation of more keys gets `opTimeoutMs` per
 * started block of this many keys (README, "Bounded answers"), since every cluster must delete them all.
 */
export const KEYS_PER_BOUND = 2_000;

/**
 * The answer-time rule for one call that touches `keyCount` cache keys on one cluster:
 * `opTimeoutMs` per started block of KEYS_PER_BOUND keys (1 to 2,000 keys: opTimeoutMs; 20,000
 * keys: 10 x opTimeoutMs). `invalidate` answers within it; relay delivery pages are sized to fit one.
 */
export function answerBound(opTimeoutMs: number, keyCount: number): number {
  return opTimeoutMs * Math.max(1, Math.ceil(keyCount / KEYS_PER_BOUND));
}

/**
 * Sends one invalidation to every cluster at once: each applies it and records it in its outbox
 * in one atomic script. Clusters that do not confirm within the bound are `queued`. `durable` holds
 * only when two regions (in a one-region topology, two clusters) recorded it.
 */
export async function issueInvalidation(ctx: InvalidationContext, keys: string[]): Promise<InvalidationReport> {
  const { clusters } = ctx;
  const entry: OutboxEntry = { id: randomUUID(), keys, at: Date.now(), targets: clusters.ids };
  const token = ctx.token();
  const bound = answerBound(ctx.opTimeoutMs, keys.length);
  const outcomes = await Promise.all(
    clusters.ids.map(async (id) => {
      try {
        return { id, streamId: await clusters.call(id, "invalidate", (s) => s.invalidate(entry, token), bound) };
      } catch (error) {
        return { id, failure: error as ClusterFailure };
      }
    }),
  );
  const recorded = new Map<string, string>();
  const reasons: InvalidationReport["reasons"] = {};
  for (const o of outcomes) {
    if (o.streamId !== undefined) recorded.set(o.id, o.streamId);
    else reasons[o.id] = o.failure!.kind;
  }
  const delivered = [...recorded.keys()];
  const queued = clusters.ids.filter((id) => !recorded.has(id));
  const report: InvalidationReport = {
    id: entry.id,
    complete: queued.length === 0,
    delivered,
    queued,
    reasons,
    durable: isDurable(clusters, delivered),
  };
  if (report.complete) {
    // Applied everywhere: the outbox copies have nothing left to do.
    for (const [id, streamId] of recorded) {
      void clusters.call(id, "outbox retire", (s) => s.retire([streamId])).catch(() => {});
    }
  } else if (!report.durable) {
    ctx.relay.trackLocal(entry, queued, recorded);
  }
  return report;
}

/** Two clusters in two regions hold it; in a one-region topology two clusters; with one cluster, that one. */
export function isDurable(clusters: Clusters, holders: string[]): boolean {
  const regions = new Set(holders.map((id) => clusters.regionOf.get(id)));
  const topologyRegions = new Set(clusters.regionOf.values());
  if (topologyRegions.size > 1) return regions.size >= 2;
  return holders.length >= Math.min(2, clusters.ids.length);
}
