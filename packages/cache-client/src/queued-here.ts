import { monotonicNow } from "./clock.ts";

/** How many keys this process remembers having invalidated with a cluster queued. */
const LIMIT = 100_000;

/**
 * The keys this process invalidated with some clusters queued, for fail-closed reads: until every
 * outbox has been swept again after it (`forMs`, 2 x freshnessMs), such a key is not served
 * fail-closed from those clusters. Bounded: past LIMIT keys the oldest is forgotten.
 */
export class QueuedHere {
  private readonly keys = new Map<string, { clusters: Set<string>; at: number }>();

  constructor(private readonly forMs: number) {}

  note(keys: readonly string[], queued: readonly string[]): void {
    for (const key of keys) {
      this.keys.delete(key);
      this.keys.set(key, { clusters: new Set(queued), at: monotonicNow() });
    }
    while (this.keys.size > LIMIT) this.keys.delete(this.keys.keys().next().value!);
  }

  has(key: string, clusterId: string): boolean {
    const noted = this.keys.get(key);
    if (!noted) return false;
    if (monotonicNow() - noted.at > this.forMs) {
      this.keys.delete(key);
      return false;
    }
    return noted.clusters.has(clusterId);
  }
}
