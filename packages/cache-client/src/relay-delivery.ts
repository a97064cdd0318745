import { monotonicNow } from "./clock.ts";
import { CONNECTION_KINDS, type Clusters } from "./clusters.ts";
import type { ClusterFailure } from "./failures.ts";
import { answerBound } from "./invalidation.ts";
import { deliveryPages } from "./relay-pages.ts";
import type { OutboxEntry, OutboxRow } from "./store.ts";

/** One entry to deliver: its row, the targets still waiting for it, and when it was first known (monotonic). */
export interface DeliveryWork {
  row: OutboxRow & { entry: OutboxEntry };
  waiting: Set<string>;
  firstSeen: number;
}

export interface DeliveryContext {
  clusters: Clusters;
  opTimeoutMs: number;
  /** Failed attempts after which an entry goes to the dead letters. */
  maxAttempts: number;
  token: () => string;
  delivered: (event: { clusterId: string; id: string; lagMs: number }) => void;
  /** Renews the relay lease of `source`'s outbox between pages (rejects when it was lost). */
  renew: (source: string) => Promise<void>;
  /** Moves a row that kept failing to the dead letters, and stops tracking it. */
  deadLetter: (source: string, row: OutboxRow, target: string, reason: string) => Promise<void>;
}

/**
 * Delivers `work` to `target` page by page (one DELIVER_BATCH round trip each, bounded by the
 * answer-time rule for its keys), removing `target` from each entry's `waiting` once it applied it.
 * A per-entry failure is counted against the entry in `source`'s outbox (entries this process
 * tracks itself, `source` undefined, are simply retried); a connection failure is the target's, not
 * the entry's, and ends the delivery (`reachable: false`).
 */
export async function deliverTo(
  ctx: DeliveryContext,
  target: string,
  work: DeliveryWork[],
  source: string | undefined,
): Promise<{ delivered: number; reachable: boolean }> {
  const { clusters } = ctx;
  let delivered = 0;
  const pages = deliveryPages(work);
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const keyCount = page.reduce((n, p) => n + p.row.entry.keys.length, 0);
    // A long delivery outlives the lease (4 x the interval): renew it as pages go, or another
    // instance takes the outbox, this pass cannot retire what it delivered, and each new holder
    // starts the backlog over (20 instances on a 10k backlog never drained).
    if (source !== undefined && i > 0) await ctx.renew(source);
    let outcomes;
    try {
      outcomes = await clusters.call(
        target,
        "delivery",
        (s) =>
          s.deliver(
            page.map((p) => p.row.entry),
            ctx.token(),
          ),
        answerBound(ctx.opTimeoutMs, keyCount),
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
          ctx.delivered({
            clusterId: target,
            id: item.row.entry.id,
            lagMs: monotonicNow() - item.firstSeen,
          });
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
      if (attempts >= ctx.maxAttempts) {
        await ctx.deadLetter(source, item.row, target, `${failure.kind}: ${failure.message}`);
      }
    }
    if (unreachable) return { delivered, reachable: false };
  }
  return { delivered, reachable: true };
}
