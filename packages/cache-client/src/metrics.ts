import { monotonicNow } from "./clock.ts";
import type { Clusters } from "./clusters.ts";
import type { Relay } from "./relay.ts";
import type { RegionalCacheMetrics } from "./types.ts";

/** `cache.metrics()`: each cluster's state, window and queue as this process sees them, and its counters. */
export function clusterMetrics(
  clusters: Clusters,
  relay: Relay,
  counts: { deadLettered: number; dropped: number },
): RegionalCacheMetrics {
  const now = monotonicNow();
  return {
    clusters: clusters.ids.map((id) => {
      const health = clusters.health.get(id)!;
      const pending = relay.pendingFor(id);
      return {
        id,
        region: clusters.regionOf.get(id)!,
        healthy: health.state === "up",
        state: health.state,
        lastFailure: health.lastFailure?.kind,
        latencyMs: health.latencyMs,
        inFlight: clusters.windows.get(id)!.outstanding,
        queueDepth: pending.count,
        deliveryLagMs: pending.oldestSeen === undefined ? 0 : Math.max(0, now - pending.oldestSeen),
      };
    }),
    ...counts,
  };
}
