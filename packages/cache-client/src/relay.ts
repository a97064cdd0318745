import { monotonicNow } from "./clock.ts";
import type { Clusters } from "./clusters.ts";
import { LocalQueue } from "./local-queue.ts";
import { checkRecovering } from "./recovery.ts";
import { deliverTo, type DeliveryContext } from "./relay-delivery.ts";
import { READ_PAGE, RELAY_PAGE } from "./relay-pages.ts";
import { streamIdMs } from "./outbox-format.ts";
import type { OutboxEntry, OutboxRow } from "./store.ts";

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
  private readonly local: LocalQueue;
  private readonly delivery: DeliveryContext;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;
  private readonly leaseMs: number;

  constructor(private readonly options: RelayOptions) {
    this.leaseMs = 4 * Math.max(options.intervalMs, options.opTimeoutMs);
    this.local = new LocalQueue(options.maxLocalQueue, (event) => options.events.dropped(event));
    this.delivery = {
      clusters: options.clusters,
      opTimeoutMs: options.opTimeoutMs,
      maxAttempts: options.maxAttempts,
      token: options.token,
      delivered: (event) => options.events.delivered(event),
      renew: (source) => this.renew(source),
      deadLetter: async (source, row, target, reason) => {
        await this.deadLetter(source, row, target, reason);
        this.held.get(source)?.pending.delete(row.streamId);
      },
    };
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
    this.local.dropAll();
  }

  /** An invalidation no two regions recorded: this process delivers it itself. */
  trackLocal(entry: OutboxEntry, waiting: string[], recorded: Map<string, string>): void {
    this.local.track(entry, waiting, recorded);
  }

  /** What this instance knows is waiting for a cluster (entries in outboxes it relays, and its own). */
  pendingFor(clusterId: string): {
    count: number;
    oldestSeen: number | undefined;
  } {
    const seen = new Set<string>();
    let oldestSeen: number | undefined;
    const note = (id: string, waiting: Set<string>, firstSeen: number) => {
      if (!waiting.has(clusterId) || seen.has(id)) return;
      seen.add(id);
      if (oldestSeen === undefined || firstSeen < oldestSeen) oldestSeen = firstSeen;
    };
    for (const held of this.held.values())
      for (const p of held.pending.values()) note(p.row.entry.id, p.waiting, p.firstSeen);
    for (const l of this.local.waiting()) note(l.id, l.waiting, l.firstSeen);
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
    await checkRecovering(this.options.clusters);
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
    const stopKeeping = this.keepLease(source);
    try {
      return await this.pass(source, state);
    } catch (error) {
      // Lost the lease: another instance relays this outbox now; if we take it again, we start
      // over from its beginning. A failed call (the outbox's cluster, or a busy process) keeps
      // what was read: starting over would only add work to a relay that is already behind.
      if (error instanceof LeaseLost) this.held.delete(source);
      return 0;
    } finally {
      stopKeeping();
    }
  }

  /**
   * Renews `source`'s lease every quarter lease while a pass runs, whatever the pass is waiting
   * for. Renewing only between round trips of the pass let the lease run out while the holder was
   * still making progress: a delivery page on a slow link (its bound grows with its keys), or a few
   * round trips on a starved event loop, outlast the lease before the first renewal; another
   * instance took the outbox and started it over from the newest entry, and lost it the same way,
   * so each tenure redid the first pages (20 instances under CPU starvation: 30 takeovers of 500-entry
   * outboxes after a heal). The renewal between pages still finds a lease taken at once.
   */
  private keepLease(source: string): () => void {
    const { clusters, fingerprint, owner } = this.options;
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      clusters
        .call(source, "relay lease", (s) => s.holdLease(fingerprint, owner, this.leaseMs))
        .catch(() => {})
        .finally(() => (renewing = false));
    }, this.leaseMs / 4);
    timer.unref?.();
    return () => clearInterval(timer);
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
          const done = await deliverTo(this.delivery, target, work, source);
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

  private async deadLetter(source: string, row: OutboxRow, target: string, reason: string): Promise<void> {
    await this.options.clusters.call(source, "dead letter", (s) => s.deadLetter(row, target, reason));
    this.options.events.deadLetter({
      clusterId: target,
      outbox: source,
      id: row.entry?.id,
      reason,
    });
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
        const work = this.local.workFor(target);
        if (work.length > 0) delivered += (await deliverTo(this.delivery, target, work, undefined)).delivered;
      }),
    );
    this.local.retireDelivered(clusters);
    return delivered;
  }
}
