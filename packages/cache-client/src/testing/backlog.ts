import type { Redis } from "ioredis";
import { KeyLayout } from "../keys.ts";
import { entryFields } from "../outbox-format.ts";

export interface OutboxBacklog {
  /** Entry `i` gets the invalidation id `<tag>-<i>`. */
  tag: string;
  /** Entries to write. */
  count: number;
  /** Every entry's `targets`: the cluster ids of the topology that issued it. */
  targets: string[];
  /** Entry `i`'s cache keys. @default [`bk:<tag>:<i>`] */
  keys?: (i: number) => string[];
  /**
   * Also set each entry's applied marker on this cluster, as INVALIDATE leaves a cluster that
   * recorded it (so the relay's delivery there finds it "already" applied).
   * @default true
   */
  applied?: boolean;
  /** Lifetime of the applied markers (PROTOCOL.md: 2 x maxTtlMs). @default 3,600,000 */
  retentionMs?: number;
  /** @default "org:cache" */
  namespace?: string;
}

/** Entries pipelined per round trip: a 20,000-entry backlog is four. */
const PIPELINE = 5_000;

/**
 * Writes a backlog of outbox entries into one cluster's outbox (over a raw client), exactly as
 * INVALIDATE records them (the fields come from the protocol's one encoder), without touching any
 * other cluster: what a relay finds after its targets were away while invalidations were issued.
 * @example
 * await writeOutboxBacklog(client, { tag: "rev", count: 20_000, targets: local.clusterIds });
 */
export async function writeOutboxBacklog(client: Redis, backlog: OutboxBacklog): Promise<void> {
  const layout = new KeyLayout(backlog.namespace ?? "org:cache");
  const keysOf = backlog.keys ?? ((i: number) => [`bk:${backlog.tag}:${i}`]);
  const retentionMs = backlog.retentionMs ?? 3_600_000;
  for (let start = 0; start < backlog.count; start += PIPELINE) {
    const pipeline = client.pipeline();
    for (let i = start; i < Math.min(backlog.count, start + PIPELINE); i++) {
      const id = `${backlog.tag}-${i}`;
      const fields = entryFields({ id, keys: keysOf(i), at: 0, targets: backlog.targets });
      pipeline.xadd(layout.outbox, "*", ...Object.entries(fields).flat());
      if (backlog.applied !== false) pipeline.set(layout.applied(id), "1", "PX", retentionMs);
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw new Error(`writing the outbox backlog "${backlog.tag}" failed: ${failed[0]!.message}`);
  }
}
