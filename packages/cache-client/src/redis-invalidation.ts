import { KEYS_PER_BOUND } from "./invalidation.ts";
import type { KeyLayout } from "./keys.ts";
import { entryFields } from "./outbox-format.ts";
import type { Scripted } from "./redis-connection.ts";
import type { DeliveryOutcome, OutboxEntry } from "./store.ts";

interface Where {
  layout: KeyLayout;
  /** How long generations and applied markers live. */
  retentionMs: number;
}

/**
 * INVALIDATE's KEYS, built once per invalidation and shared by every cluster it is sent to (a
 * 20,000-key invalidation is 40,002 names; building them six times was most of its client time).
 */
const keysOf = new WeakMap<OutboxEntry, { layout: KeyLayout; keys: string[] }>();
function invalidationKeys(entry: OutboxEntry, layout: KeyLayout): string[] {
  const known = keysOf.get(entry);
  if (known?.layout === layout) return known.keys;
  const keys = [layout.applied(entry.id), layout.outbox];
  for (const k of entry.keys) keys.push(layout.value(k), layout.generation(k));
  keysOf.set(entry, { layout, keys });
  return keys;
}

/**
 * Applies an invalidation and records it in the outbox (PROTOCOL.md, "Invalidation"); resolves to
 * its stream id. Standalone: one INVALIDATE script, atomic. Redis Cluster: the keys live on
 * different nodes, so no transaction spans them; the outbox entry goes first (so a failure part-way
 * is retried by the relay) and the applied marker last (so "applied" is never said of a half-done
 * invalidation).
 */
export async function sendInvalidation(
  client: Scripted,
  clustered: boolean,
  { layout, retentionMs }: Where,
  entry: OutboxEntry,
  token: string,
): Promise<string> {
  const fields = entryFields(entry);
  if (!clustered) {
    const keys = invalidationKeys(entry, layout);
    return String(
      await client.orgInvalidate!(
        keys.length,
        keys,
        retentionMs,
        token,
        fields.id,
        fields.keys,
        fields.at,
        fields.targets,
      ),
    );
  }
  const streamId = await client.xadd(layout.outbox, "*", ...Object.entries(fields).flat());
  await applyKeys(client, { layout, retentionMs }, entry.keys, token);
  await client.set(layout.applied(entry.id), "1", "PX", retentionMs);
  return streamId!;
}

/**
 * INVALIDATE_KEY for each key, at most KEYS_PER_BOUND commands in flight at once (a 40,000-key
 * entry is twenty round trips, not 40,000 commands queued on one connection at once).
 */
async function applyKeys(client: Scripted, { layout, retentionMs }: Where, keys: readonly string[], token: string) {
  for (let at = 0; at < keys.length; at += KEYS_PER_BOUND) {
    await Promise.all(
      keys
        .slice(at, at + KEYS_PER_BOUND)
        .map((k) => client.orgInvalidateKey!(layout.value(k), layout.generation(k), retentionMs, token)),
    );
  }
}

/**
 * DELIVER of an entry in chunks of at most KEYS_PER_BOUND keys (PROTOCOL.md, "Relay"), the applied
 * marker set only by the last, so "applied" is said only once every chunk was applied (a failure
 * part-way leaves no marker: the next pass applies the entry again). Standalone: one DELIVER_CHUNK
 * script per chunk, for an entry with more keys than one DELIVER_BATCH may carry. Redis Cluster
 * (every entry): the marker checked first, INVALIDATE_KEY per key (`applyKeys`), the marker last.
 */
async function deliverInChunks(
  client: Scripted,
  clustered: boolean,
  where: Where,
  entry: OutboxEntry,
  token: string,
): Promise<"applied" | "already"> {
  const { layout, retentionMs } = where;
  const applied = layout.applied(entry.id);
  if (clustered) {
    if ((await client.exists(applied)) === 1) return "already";
    await applyKeys(client, where, entry.keys, token);
    await client.set(applied, "1", "PX", retentionMs);
    return "applied";
  }
  for (let at = 0; at < entry.keys.length; at += KEYS_PER_BOUND) {
    const keys = [applied];
    for (const k of entry.keys.slice(at, at + KEYS_PER_BOUND)) keys.push(layout.value(k), layout.generation(k));
    const last = at + KEYS_PER_BOUND >= entry.keys.length ? "1" : "0";
    if ((await client.orgDeliverChunk!(keys.length, keys, retentionMs, token, last)) === 0) return "already";
  }
  return "applied";
}

/**
 * Applies each entry unless its applied marker exists; one outcome per entry, in order (an entry's
 * own error is sanitized with `clean`). Standalone: the entries of at most KEYS_PER_BOUND keys are
 * one DELIVER_BATCH script, one command and one round trip; a larger entry is applied in chunks
 * (`deliverInChunks`), so no command carries more than KEYS_PER_BOUND keys. Redis Cluster: an
 * entry's keys live on several nodes, so every entry goes key by key (`deliverInChunks`).
 */
export async function sendDeliveries(
  bulk: Scripted,
  clustered: boolean,
  where: Where,
  entries: OutboxEntry[],
  token: string,
  clean: (error: unknown) => Error,
): Promise<DeliveryOutcome[]> {
  const inBatch = (entry: OutboxEntry) => !clustered && entry.keys.length <= KEYS_PER_BOUND;
  const batched = entries.filter(inBatch);
  const batchOutcomes = batched.length > 0 ? await deliverBatch(bulk, where, batched, token, clean) : [];
  let b = 0;
  // A page is either entries of at most KEYS_PER_BOUND keys in all, or one larger entry
  // (`deliveryPages`): the chunked ones may run side by side.
  return Promise.all(
    entries.map(async (entry, i): Promise<DeliveryOutcome> => {
      if (inBatch(entry)) return batchOutcomes[b++]!;
      try {
        return await deliverInChunks(bulk, clustered, where, entry, `${token}.x${i + 1}`);
      } catch (error) {
        return { error: clean(error) };
      }
    }),
  );
}

/** One DELIVER_BATCH: entry `e` (from 1) gets the token `<token>.<e>`. */
async function deliverBatch(
  bulk: Scripted,
  { layout, retentionMs }: Where,
  entries: OutboxEntry[],
  token: string,
  clean: (error: unknown) => Error,
): Promise<DeliveryOutcome[]> {
  const keys: string[] = [];
  for (const entry of entries) {
    keys.push(layout.applied(entry.id));
    for (const k of entry.keys) keys.push(layout.value(k), layout.generation(k));
  }
  const counts = entries.map((entry) => String(entry.keys.length));
  const results = (await bulk.orgDeliverBatch!(keys.length, keys, retentionMs, token, counts)) as unknown[];
  return results.map((result): DeliveryOutcome => {
    if (result === 1) return "applied";
    if (result === 0) return "already";
    return { error: clean(new Error(String(result).replace(/^E:/, ""))) };
  });
}
