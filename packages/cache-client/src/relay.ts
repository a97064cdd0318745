import type { ClusterStore, OutboxEntry } from "./store.ts";
import { backoff } from "./timeout.ts";

interface Tracked {
  entry: OutboxEntry;
  /** Clusters not yet known to have applied it. */
  remaining: Set<string>;
  /** Of those, the ones whose state is unknown (found in an outbox): checked before delivering. */
  unverified: Set<string>;
  /** Where it sits in outboxes: cluster id -> stream ids, deleted once it is everywhere. */
  sources: Map<string, string[]>;
}

export interface RelayOptions {
  stores: ClusterStore[];
  intervalMs: number;
  call: <T>(store: ClusterStore, what: string, op: () => Promise<T>) => Promise<T>;
  onDelivered: (event: { clusterId: string; id: string; lagMs: number }) => void;
}

const SWEEP_COUNT = 200;
const REMEMBERED_DONE = 10_000;

/**
 * Delivers queued invalidations. Every invalidation is recorded in the outbox (a Redis stream) of
 * each cluster that accepted it; every cache instance, in any region, sweeps the outboxes it can
 * reach, checks each target cluster's applied marker and delivers where it is missing, with
 * exponential backoff and full jitter per target. An entry leaves the outboxes once every target
 * has applied it. Delivery is at-least-once; applying twice is harmless.
 */
export class Relay {
  lastCompleteSweepAt = 0;
  private readonly byId = new Map<string, ClusterStore>();
  private readonly pending = new Map<string, Tracked>();
  private readonly done = new Set<string>();
  private readonly retry = new Map<string, { failures: number; nextAt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: RelayOptions) {
    for (const store of options.stores) this.byId.set(store.id, store);
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  track(entry: OutboxEntry, queued: string[], streamIds: Map<string, string>): void {
    const sources = new Map([...streamIds].map(([id, streamId]) => [id, [streamId]]));
    if (queued.length === 0) {
      void this.cleanup({ entry, remaining: new Set(), unverified: new Set(), sources });
      return;
    }
    this.pending.set(entry.id, { entry, remaining: new Set(queued), unverified: new Set(), sources });
  }

  pendingFor(clusterId: string): OutboxEntry[] {
    return [...this.pending.values()].filter((t) => t.remaining.has(clusterId)).map((t) => t.entry);
  }

  isPending(key: string, clusterIds: string[]): boolean {
    for (const tracked of this.pending.values()) {
      if (tracked.entry.keys.includes(key) && clusterIds.some((id) => tracked.remaining.has(id))) return true;
    }
    return false;
  }

  /** One round: sweep every outbox, deliver what is missing, clean up what is done. */
  runOnce(): Promise<number> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = this.options.intervalMs * (0.75 + Math.random() / 2);
    this.timer = setTimeout(() => void this.runOnce().finally(() => this.schedule()), delay);
    this.timer.unref();
  }

  private async round(): Promise<number> {
    await this.sweep();
    const delivered = await this.deliver();
    await Promise.all([...this.pending.values()].filter((t) => t.remaining.size === 0).map((t) => this.cleanup(t)));
    return delivered;
  }

  private async sweep(): Promise<void> {
    const started = Date.now();
    const results = await Promise.all(
      this.options.stores.map(async (store) => {
        try {
          return { store, rows: await this.options.call(store, "outbox sweep", () => store.readOutbox(SWEEP_COUNT)) };
        } catch {
          return undefined;
        }
      }),
    );
    if (results.every((r) => r !== undefined)) this.lastCompleteSweepAt = started;
    for (const result of results) {
      if (!result) continue;
      for (const { streamId, entry } of result.rows) {
        if (this.done.has(entry.id)) {
          void this.options
            .call(result.store, "outbox cleanup", () => result.store.deleteFromOutbox([streamId]))
            .catch(() => {});
          continue;
        }
        let tracked = this.pending.get(entry.id);
        if (!tracked) {
          const targets = entry.targets.filter((id) => this.byId.has(id));
          tracked = { entry, remaining: new Set(targets), unverified: new Set(targets), sources: new Map() };
          this.pending.set(entry.id, tracked);
        }
        const ids = tracked.sources.get(result.store.id) ?? [];
        if (!ids.includes(streamId)) tracked.sources.set(result.store.id, [...ids, streamId]);
      }
    }
  }

  private async deliver(): Promise<number> {
    const now = Date.now();
    let delivered = 0;
    await Promise.all(
      [...this.byId.values()].map(async (store) => {
        const state = this.retry.get(store.id);
        if (state && state.nextAt > now) return;
        const work = [...this.pending.values()].filter((t) => t.remaining.has(store.id));
        try {
          for (const tracked of work) {
            if (tracked.unverified.has(store.id)) {
              const applied = await this.options.call(store, "applied check", () => store.isApplied(tracked.entry.id));
              tracked.unverified.delete(store.id);
              if (applied) {
                tracked.remaining.delete(store.id);
                continue;
              }
            }
            await this.options.call(store, "delivery", () => store.apply(tracked.entry, false));
            tracked.remaining.delete(store.id);
            delivered++;
            this.options.onDelivered({
              clusterId: store.id,
              id: tracked.entry.id,
              lagMs: Date.now() - tracked.entry.at,
            });
          }
          this.retry.delete(store.id);
        } catch {
          const failures = (state?.failures ?? 0) + 1;
          const maxMs = Math.max(10 * this.options.intervalMs, 1_000);
          this.retry.set(store.id, {
            failures,
            nextAt: Date.now() + backoff(failures, this.options.intervalMs, maxMs),
          });
        }
      }),
    );
    return delivered;
  }

  private async cleanup(tracked: Tracked): Promise<void> {
    this.pending.delete(tracked.entry.id);
    this.done.add(tracked.entry.id);
    if (this.done.size > REMEMBERED_DONE) this.done.delete(this.done.values().next().value!);
    await Promise.all(
      [...tracked.sources].map(([clusterId, streamIds]) => {
        const store = this.byId.get(clusterId);
        return store
          ? this.options.call(store, "outbox cleanup", () => store.deleteFromOutbox(streamIds)).catch(() => {})
          : undefined;
      }),
    );
  }
}
