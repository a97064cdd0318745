import { monotonicNow } from "./clock.ts";
import { CONNECTION_KINDS, type Clusters } from "./clusters.ts";
import type { ClusterFailure } from "./failures.ts";
import { answerBound, KEYS_PER_BOUND } from "./invalidation.ts";
import { streamIdMs } from "./outbox-format.ts";
import { sweptAt } from "./reads.ts";
import type { OutboxEntry, OutboxRow } from "./store.ts";

/**
 * How soon after a cluster answers again an invalidation queued for it is delivered, whatever is
 * queued ahead of it (PROTOCOL.md, "Relay"): its reconnect, or a late reply to a command it had
 * left unanswered, lets the breaker probe it at once; the round that probes it and the next (each
 * at most 1.25 x relayIntervalMs apart) read what is new and deliver newest first; four
 * opTimeoutMs cover the reconnect, the probe, the read and the first page. With the dev profile
 * (250 ms for both) this is 1,625 ms.
 */
export function healDeliveryBound(relayIntervalMs: number, opTimeoutMs: number): number {
  return 2 * 1.25 * relayIntervalMs + 4 * opTimeoutMs;
}

/** Entries delivered per round trip (one DELIVER_BATCH script), at most KEYS_PER_BOUND cache keys in all. */
export const RELAY_PAGE = 200;

/** Outbox rows read per round trip. */
export const READ_PAGE = 1_000;

/**
 * Splits `work` into delivery pages of at most RELAY_PAGE entries and KEYS_PER_BOUND cache keys, so
 * each page fits one `opTimeoutMs` (an entry with more keys than that is a page of its own, bounded
 * by the same rule as its invalidation: `answerBound`).
 */
export function deliveryPages<T extends { row: { entry: OutboxEntry } }>(work: T[]): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let keys = 0;
  for (const item of work) {
    const n = item.row.entry.keys.length;
    if (page.length > 0 && (page.length >= RELAY_PAGE || keys + n > KEYS_PER_BOUND)) {
      pages.push(page);
      page = [];
      keys = 0;
    }
    page.push(item);
    keys += n;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

class LeaseLost extends Error {
  constructor(source: string) {
    super(`the relay lease of ${source}'s outbox was taken by another instance`);
  }
}

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
      .catch(() => undefined);
    if (holds === false || this.stopped) this.held.delete(source);
    // Unreachable (undefined): what was read is kept for when it answers again.
    if (!holds || this.stopped) return 0;
    let state = this.held.get(source);
    if (!state) {
      state = { cursor: "-", pending: new Map() };
      this.held.set(source, state);
    }
    try {
      return await this.pass(source, state);
    } catch (error) {
      // Lost the lease: another instance relays this outbox now; if we take it again, we start
      // over from its beginning. A failed call (the outbox's cluster, or a busy process) keeps
      // what was read: starting over would only add work to a relay that is already behind.
      if (error instanceof LeaseLost) this.held.delete(source);
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
      const rows = await clusters.call(source, "outbox read", (s) => s.readOutbox(state.cursor, READ_PAGE));
      for (const row of rows) {
        if (state.pending.has(row.streamId)) continue;
        if (!row.entry) {
          await this.deadLetter(source, row, "*", `malformed entry: ${row.malformed}`);
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
      if (rows.length < READ_PAGE) break;
      await this.renew(source);
    }
    // Moot: older than any value or generation can live, by the outbox's clock, and watched by this
    // instance that long on its monotonic clock. The outbox's clock alone is not enough: Redis TIME
    // is wall-clock time, and a step forward on the outbox's cluster would retire entries whose
    // targets (on their own clocks) still hold the values they must remove. Until then an old entry
    // is delivered like any other (applying an old invalidation again only costs a miss).
    const watchedSince = monotonicNow() - retentionMs;
    for (const [streamId, p] of state.pending) {
      if (sourceNow - streamIdMs(streamId) <= retentionMs || p.firstSeen >= watchedSince) continue;
      expired.push(streamId);
      state.pending.delete(streamId);
      this.options.events.expired({ outbox: source, id: p.row.entry.id });
    }
    if (expired.length > 0) await clusters.call(source, "outbox retire", (s) => s.retire(expired));

    let delivered = 0;
    // Each target's deliveries run to their own end, and whatever every target has applied is
    // retired even when the pass failed part-way (a timed-out renewal, a lost lease): under load,
    // one failed call used to void the whole pass, so over a long backlog no pass ever finished,
    // nothing was retired, and each new lease holder walked the same entries again (the soak's
    // stall: 20 instances, a 10k backlog, no progress for 40 s). Retiring needs no lease: an entry
    // every known target applied is done, whoever removes it.
    const outcomes = await Promise.allSettled(
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
      try {
        await clusters.call(source, "outbox retire", (s) => s.retire(page));
      } catch {
        break; // kept in pending with nothing left to deliver: retired by the next pass
      }
      for (const streamId of page) state.pending.delete(streamId);
    }
    const failed = outcomes.find((o) => o.status === "rejected");
    if (failed) throw failed.reason;
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
    const pages = deliveryPages(work);
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i]!;
      const keyCount = page.reduce((n, p) => n + p.row.entry.keys.length, 0);
      // A long delivery outlives the lease (4 x the interval): renew it as pages go, or another
      // instance takes the outbox, this pass cannot retire what it delivered, and each new holder
      // starts the backlog over (20 instances on a 10k backlog never drained).
      if (source !== undefined && i > 0) await this.renew(source);
      let outcomes;
      try {
        outcomes = await clusters.call(
          target,
          "delivery",
          (s) =>
            s.deliver(
              page.map((p) => p.row.entry),
              this.options.token(),
            ),
          answerBound(this.options.opTimeoutMs, keyCount),
        );
      } catch {
        return { delivered, reachable: false };
      }
      let unreachable = false;
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
        const failure = outcome.error as ClusterFailure;
        // The cluster, not the entry, failed (Redis Cluster mode sends an entry's commands one by
        // one): the entry is not to blame and keeps its attempts; the target is retried next pass.
        if (CONNECTION_KINDS.has(failure.kind)) {
          unreachable = true;
          continue;
        }
        if (source === undefined) continue;
        const attempts = await clusters.call(source, "attempt count", (s) => s.countAttempt(item.row.streamId, target));
        if (attempts >= this.options.maxAttempts) {
          await this.deadLetter(source, item.row, target, `${failure.kind}: ${failure.message}`);
          this.held.get(source)?.pending.delete(item.row.streamId);
        }
      }
      if (unreachable) return { delivered, reachable: false };
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
    if (!holds) throw new LeaseLost(source);
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
          if (sources.every((s) => sweptAt({ now, swept }, s) >= health.recoveredAt!)) health.caughtUp();
        } catch {
          // Still failing: the breaker has it down again.
        }
      }),
    );
  }
}
