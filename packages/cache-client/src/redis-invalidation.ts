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
        ...keys,
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
  await Promise.all(
    entry.keys.map((k) => client.orgInvalidateKey!(layout.value(k), layout.generation(k), retentionMs, token)),
  );
  await client.set(layout.applied(entry.id), "1", "PX", retentionMs);
  return streamId!;
}

/**
 * Applies each entry unless its applied marker exists; one outcome per entry, in order (an entry's
 * own error is sanitized with `clean`). Standalone: the whole page is one DELIVER_BATCH script, one
 * command and one round trip. Redis Cluster: an entry's keys live on several nodes; its commands
 * are pipelined per node.
 */
export async function sendDeliveries(
  bulk: Scripted,
  clustered: boolean,
  { layout, retentionMs }: Where,
  entries: OutboxEntry[],
  token: string,
  clean: (error: unknown) => Error,
): Promise<DeliveryOutcome[]> {
  if (entries.length === 0) return [];
  if (!clustered) {
    const keys = entries.flatMap((entry) => [
      layout.applied(entry.id),
      ...entry.keys.flatMap((k) => [layout.value(k), layout.generation(k)]),
    ]);
    const counts = entries.map((entry) => entry.keys.length);
    const results = (await bulk.orgDeliverBatch!(keys.length, ...keys, retentionMs, token, ...counts)) as unknown[];
    return results.map((result): DeliveryOutcome => {
      if (result === 1) return "applied";
      if (result === 0) return "already";
      return { error: clean(new Error(String(result).replace(/^E:/, ""))) };
    });
  }
  return Promise.all(
    entries.map(async (entry, i): Promise<DeliveryOutcome> => {
      try {
        if ((await bulk.exists(layout.applied(entry.id))) === 1) return "already";
        const fresh = `${token}.${i + 1}`;
        await Promise.all(
          entry.keys.map((k) => bulk.orgInvalidateKey!(layout.value(k), layout.generation(k), retentionMs, fresh)),
        );
        await bulk.set(layout.applied(entry.id), "1", "PX", retentionMs);
        return "applied";
      } catch (error) {
        return { error: clean(error) };
      }
    }),
  );
}
