import { KEYS_PER_BOUND } from "./invalidation.ts";
import type { OutboxEntry } from "./store.ts";

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
