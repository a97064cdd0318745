import { monotonicNow } from "./clock.ts";
import type { Clusters } from "./clusters.ts";
import type { OutboxEntry } from "./store.ts";

interface LocalEntry {
  entry: OutboxEntry;
  waiting: Set<string>;
  /** Cluster id -> stream id of the outbox copies to retire once it is delivered everywhere. */
  recorded: Map<string, string>;
  firstSeen: number;
}

/** A page of work for `deliverTo`: an entry, the targets still waiting for it, when it was first known. */
export interface LocalWork {
  row: { streamId: string; entry: OutboxEntry };
  waiting: Set<string>;
  firstSeen: number;
}

/**
 * Non-durable invalidations (recorded in fewer than two regions): no outbox the relay reads is
 * sure to hold them, so the process that issued them delivers them itself, up to `max` of them
 * (past that the oldest is dropped, with a `dropped` event, as are those left when the cache closes).
 */
export class LocalQueue {
  private readonly entries = new Map<string, LocalEntry>();

  constructor(
    private readonly max: number,
    private readonly dropped: (event: { ids: string[]; reason: string }) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  track(entry: OutboxEntry, waiting: string[], recorded: Map<string, string>): void {
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.dropped({
        ids: [oldest],
        reason: `more than maxLocalQueue (${this.max}) non-durable invalidations waiting`,
      });
    }
    this.entries.set(entry.id, {
      entry,
      waiting: new Set(waiting),
      recorded,
      firstSeen: monotonicNow(),
    });
  }

  /** Every entry with the targets still waiting for it (for `pendingFor`). */
  *waiting(): Iterable<{
    id: string;
    waiting: Set<string>;
    firstSeen: number;
  }> {
    for (const l of this.entries.values()) yield { id: l.entry.id, waiting: l.waiting, firstSeen: l.firstSeen };
  }

  /** The entries `target` still waits for, as delivery work. */
  workFor(target: string): LocalWork[] {
    return [...this.entries.values()]
      .filter((l) => l.waiting.has(target))
      .map((l) => ({
        row: { streamId: "", entry: l.entry },
        waiting: l.waiting,
        firstSeen: l.firstSeen,
      }));
  }

  /** Forgets entries every target applied, and retires their outbox copies. */
  retireDelivered(clusters: Clusters): void {
    for (const [id, l] of this.entries) {
      if (l.waiting.size > 0) continue;
      this.entries.delete(id);
      for (const [clusterId, streamId] of l.recorded) {
        void clusters.call(clusterId, "outbox retire", (s) => s.retire([streamId])).catch(() => {});
      }
    }
  }

  /** The cache closes: whatever is left is dropped, with one event. */
  dropAll(): void {
    if (this.entries.size === 0) return;
    this.dropped({
      ids: [...this.entries.keys()],
      reason: "the cache was closed before these non-durable invalidations reached every cluster",
    });
    this.entries.clear();
  }
}
