import { monotonicNow } from "./clock.ts";
import type { Clusters } from "./clusters.ts";
import type { ClusterFailure } from "./failures.ts";
import { streamIdMs } from "./outbox-format.ts";
import type { OutboxEntry, OutboxRow } from "./store.ts";

/** Rows read, and entries delivered, per round trip. */
export const RELAY_PAGE = 200;

export interface RelayEvents {
  delivered(event: { clusterId: string; id: string; lagMs: number }): void;
  deadLetter(event: { clusterId: string; outbox: string; id: string | undefined; reason: string }): void;
  expired(event: { outbox: string; id: string }): void;
  dropped(event: { ids: string[]; reason: string }): void;
}

export interface RelayOptions {
  clusters: Clusters;
  intervalMs: number;
  opTimeoutMs: number;
  retentionMs: number;
  /** This instance's id: the owner value of the leases it holds. */
  owner: string;
  /** Lease name: instances with the same topology share one lease per outbox. */
  fingerprint: string;
  maxAttempts: number;
  maxLocalQueue: number;
  token: () => string;
  events: RelayEvents;
}

interface Pending {
  row: OutboxRow & { entry: OutboxEntry };
  /** Known targets that have not applied it yet. */
  waiting: Set<string>;
  /** Names a cluster this instance's topology lacks: never retired by this instance. */
  unknownTarget: boolean;
  firstSeen: number;
}

interface HeldOutbox {
  cursor: string;
  pending: Map<string, Pending>;
}

interface LocalEntry {
  entry: OutboxEntry;
  waiting: Set<string>;
  recorded: Map<string, string>;
  firstSeen: number;
}

/**
 * Delivers queued invalidations (PROTOCOL.md, "Relay"). Each outbox has one lease per topology
 * fingerprint; the instance holding it reads the outbox incrementally, delivers every entry to the
 * targets that have not applied it (batched, one round trip per page and target), retires entries
 * once every target has applied them, counts failed attempts per entry and moves an entry that
 * keeps failing to the dead letters, so one bad entry never blocks the others. After a pass in which
 * every entry for a target was applied, it stamps that target's `swept` hash. Cost per entry does
 * not grow with the number of instances: the others only try the lease.
 */
export class Relay {
  private readonly held = new Map<string, HeldOutbox>();
  private readonly local = new Map<string, LocalEntry>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;
  private readonly leaseMs: number;

  constructor(private readonly options: RelayOptions) {
    this.leaseMs = 4 * Math.max(options.intervalMs, options.opTimeoutMs);
  }

  start(): void {
    this.schedule();
  }

  /** Stops the timer, waits for a running round, and gives up the leases (bounded by opTimeoutMs). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
    const { clusters, fingerprint, owner } = this.options;
    await Promise.all(
      [...this.held.keys()].map((id) =>
        clusters.call(id, "lease release", (s) => s.releaseLease(fingerprint, owner)).catch(() => {}),
      ),
    );
    this.held.clear();
    if (this.local.size > 0) {
      this.options.events.dropped({
        ids: [...this.local.keys()],
        reason: "the cache was closed before these non-durable invalidations reached every cluster",
      });
      this.local.clear();
    }
  }

  /** An invalidation no two regions recorded: this process delivers it itself. */
  trackLocal(entry: OutboxEntry, waiting: string[], recorded: Map<string, string>): void {
    if (this.local.size >= this.options.maxLocalQueue) {
      const oldest = this.local.keys().next().value!;
      this.local.delete(oldest);
      this.options.events.dropped({
        ids: [oldest],
        reason: `more than maxLocalQueue (${this.options.maxLocalQueue}) non-durable invalidations waiting`,
      });
    }
    this.local.set(entry.id, { entry, waiting: new Set(waiting), recorded, firstSeen: monotonicNow() });
  }

  /** What this instance knows is waiting for a cluster (entries in outboxes it relays, and its own). */
  pendingFor(clusterId: string): { count: number; oldestSeen: number | undefined } {
    const seen = new Set<string>();
    let oldestSeen: number | undefined;
    const note = (id: string, waiting: Set<string>, firstSeen: number) => {
      if (!waiting.has(clusterId) || seen.has(id)) return;
      seen.add(id);
      if (oldestSeen === undefined || firstSeen < oldestSeen) oldestSeen = firstSeen;
    };
    for (const held of this.held.values())
      for (const p of held.pending.values()) note(p.row.entry.id, p.waiting, p.firstSeen);
    for (const l of this.local.values()) note(l.entry.id, l.waiting, l.firstSeen);
    return { count: seen.size, oldestSeen };
  }

  /** One round now: relay every outbox this instance holds the lease of, and its own entries. */
  runOnce(): Promise<number> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = this.options.intervalMs * (0.75 + Math.random() / 2);
    this.timer = setTimeout(() => void this.runOnce().finally(() => this.schedule()), delay);
    this.timer.unref?.();
  }

  private async round(): Promise<number> {
    const counts = await Promise.all(this.options.clusters.ids.map((id) => this.relayOutbox(id)));
    const local = await this.deliverLocal();
    await this.checkRecovering();
    return counts.reduce((a, b) => a + b, 0) + local;
  }

  private async relayOutbox(source: string): Promise<number> {
    const { clusters, fingerprint, owner } = this.options;
    const holds = await clusters
      .call(source, "relay lease", (s) => s.holdLease(fingerprint, owner, this.leaseMs))
      .catch(() => false);
    if (!holds || this.stopped) {
      this.held.delete(source);
      return 0;
    }
    let state = this.held.get(source);
    if (!state) {
      state = { cursor: "-", pending: new Map() };
      this.held.set(source, state);
    }
    try {
      return await this.pass(source, state);
    } catch {
      // The outbox's cluster failed mid-pass: start over from its beginning next time we hold it.
      this.held.delete(source);
      return 0;
    }
  }

  private async pass(source: string, state: HeldOutbox): Promise<number> {
    const { clusters, retentionMs } = this.options;
    // Each target's clock before reading: the stamp written after this pass covers everything
    // recorded in this outbox before that moment.
    const startAt = new Map<string, number>();
    await Promise.all(
      clusters.ids.map(async (id) => {
        try {
          startAt.set(id, (await clusters.call(id, "clock", (s) => s.stamps())).now);
        } catch {
          // Unreachable: no delivery to it and no stamp this pass.
        }
      }),
    );
    const sourceNow = startAt.get(source);
    if (sourceNow === undefined) throw new Error("outbox cluster unreachable");

    const expired: string[] = [];
    for (;;) {
      const rows = await clusters.call(source, "outbox read", (s) => s.readOutbox(state.cursor, RELAY_PAGE));
      for (const row of rows) {
        if (state.pending.has(row.streamId)) continue;
        if (!row.entry) {
          await this.deadLetter(source, row, "*", `malformed entry: ${row.malformed}`);
          continue;
        }
        // Older than any value or generation can live: moot everywhere (the holder's own clock).
        if (sourceNow - streamIdMs(row.streamId) > retentionMs) {
          expired.push(row.streamId);
          this.options.events.expired({ outbox: source, id: row.entry.id });
          continue;
        }
        const targets = row.entry.targets;
        state.pending.set(row.streamId, {
          row: row as Pending["row"],
          waiting: new Set(targets.filter((t) => t !== source && clusters.stores.has(t))),
          unknownTarget: targets.some((t) => !clusters.stores.has(t)),
          firstSeen: monotonicNow(),
        });
      }
      if (rows.length > 0) state.cursor = rows.at(-1)!.streamId;
      if (rows.length < RELAY_PAGE) break;
      await this.renew(source);
    }
    if (expired.length > 0) await clusters.call(source, "outbox retire", (s) => s.retire(expired));

    let delivered = 0;
    await Promise.all(
      clusters.ids
        .filter((target) => target !== source && startAt.has(target))
        .map(async (target) => {
          // Newest first: a revocation just issued is not kept waiting behind an old backlog.
          const work = [...state.pending.values()].filter((p) => p.waiting.has(target)).reverse();
          const done = await this.deliverTo(target, work, source);
          delivered += done.delivered;
          const clean = done.reachable && [...state.pending.values()].every((p) => !p.waiting.has(target));
          if (clean) {
            await clusters
              .call(target, "sweep stamp", (s) => s.markSwept(source, startAt.get(target)!))
              .catch(() => {});
          }
        }),
    );

    const finished = [...state.pending.values()].filter((p) => p.waiting.size === 0 && !p.unknownTarget);
    for (let i = 0; i < finished.length; i += RELAY_PAGE) {
      const page = finished.slice(i, i + RELAY_PAGE).map((p) => p.row.streamId);
      await this.renew(source);
      await clusters.call(source, "outbox retire", (s) => s.retire(page));
      for (const streamId of page) state.pending.delete(streamId);
    }
    return delivered;
  }

  /** Delivers `work` to `target` page by page; per-entry failures are counted against the entry, not the target. */
  private async deliverTo(
    target: string,
    work: { row: OutboxRow & { entry: OutboxEntry }; waiting: Set<string>; firstSeen: number }[],
    source: string | undefined,
  ): Promise<{ delivered: number; reachable: boolean }> {
    const { clusters, events } = this.options;
    let delivered = 0;
    for (let i = 0; i < work.length; i += RELAY_PAGE) {
      const page = work.slice(i, i + RELAY_PAGE);
      // A long delivery outlives the lease (4 x the interval): renew it as pages go, or another
      // instance takes the outbox, this pass cannot retire what it delivered, and each new holder
      // starts the backlog over (20 instances on a 10k backlog never drained).
      if (source !== undefined && i > 0) await this.renew(source);
      let outcomes;
      try {
        // A page is many scripts: twice the bound of one call.
        outcomes = await clusters.call(
          target,
          "delivery",
          (s) =>
            s.deliver(
              page.map((p) => p.row.entry),
              this.options.token(),
            ),
          2 * this.options.opTimeoutMs,
        );
      } catch {
        return { delivered, reachable: false };
      }
      for (let j = 0; j < page.length; j++) {
        const item = page[j]!;
        const outcome = outcomes[j]!;
        if (outcome === "applied" || outcome === "already") {
          item.waiting.delete(target);
          if (outcome === "applied") {
            delivered++;
            events.delivered({ clusterId: target, id: item.row.entry.id, lagMs: monotonicNow() - item.firstSeen });
          }
          continue;
        }
        if (source === undefined) continue;
        const failure = outcome.error as ClusterFailure;
        const attempts = await clusters.call(source, "attempt count", (s) => s.countAttempt(item.row.streamId, target));
        if (attempts >= this.options.maxAttempts) {
          await this.deadLetter(source, item.row, target, `${failure.kind}: ${failure.message}`);
          this.held.get(source)?.pending.delete(item.row.streamId);
        }
      }
    }
    return { delivered, reachable: true };
  }

  private async deadLetter(source: string, row: OutboxRow, target: string, reason: string): Promise<void> {
    await this.options.clusters.call(source, "dead letter", (s) => s.deadLetter(row, target, reason));
    this.options.events.deadLetter({ clusterId: target, outbox: source, id: row.entry?.id, reason });
  }

  private async renew(source: string): Promise<void> {
    const { clusters, fingerprint, owner } = this.options;
    const holds = await clusters.call(source, "relay lease", (s) => s.holdLease(fingerprint, owner, this.leaseMs));
    if (!holds) throw new Error("lease lost");
  }

  private async deliverLocal(): Promise<number> {
    if (this.local.size === 0) return 0;
    const { clusters } = this.options;
    let delivered = 0;
    await Promise.all(
      clusters.ids.map(async (target) => {
        const work = [...this.local.values()]
          .filter((l) => l.waiting.has(target))
          .map((l) => ({ row: { streamId: "", entry: l.entry }, waiting: l.waiting, firstSeen: l.firstSeen }));
        if (work.length > 0) delivered += (await this.deliverTo(target, work, undefined)).delivered;
      }),
    );
    for (const [id, l] of this.local) {
      if (l.waiting.size > 0) continue;
      this.local.delete(id);
      for (const [clusterId, streamId] of l.recorded) {
        void clusters.call(clusterId, "outbox retire", (s) => s.retire([streamId])).catch(() => {});
      }
    }
    return delivered;
  }

  /** A cluster that came back serves reads again once every outbox we can reach was swept for it since. */
  private async checkRecovering(): Promise<void> {
    const { clusters } = this.options;
    await Promise.all(
      clusters.ids.map(async (id) => {
        const health = clusters.health.get(id)!;
        if (health.state !== "recovering") return;
        try {
          const { now, swept } = await clusters.call(id, "clock", (s) => s.stamps());
          if (health.recoveredAt === undefined) {
            health.recoveredAt = now;
            return;
          }
          const sources = clusters.ids.filter((s) => s !== id && clusters.health.get(s)!.state !== "down");
          if (sources.every((s) => (swept[s] ?? -Infinity) >= health.recoveredAt!)) health.caughtUp();
        } catch {
          // Still failing: the breaker has it down again.
        }
      }),
    );
  }
}
