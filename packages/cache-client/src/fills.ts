import { randomBytes } from "node:crypto";
import type { Clusters } from "./clusters.ts";
import { CacheError } from "./errors.ts";
import type { Lease, SetOptions } from "./types.ts";
import { encodeValue } from "./values.ts";

export interface FillContext {
  clusters: Clusters;
  /** The local region's clusters: leases and fills go to them only. */
  local: string[];
  maxTtlMs: number;
  maxValueBytes: number;
}

const token = () => randomBytes(16).toString("hex");

/** Reads (or creates) `key`'s generation token on each local cluster that answers. */
export async function takeLease(ctx: FillContext, key: string): Promise<Lease> {
  const generations = new Map<string, string>();
  await Promise.all(
    ctx.local.map(async (id) => {
      try {
        generations.set(id, await ctx.clusters.call(id, "lease", (s) => s.lease(key, token())));
      } catch {
        // No generation, no fill on that cluster: an unproven fill is never written.
      }
    }),
  );
  return { key, generations };
}

/**
 * Stores `value` on the local clusters; with a lease, only where the key's generation is still
 * exactly the lease's token. Resolves to the clusters that took it.
 */
export async function fill(
  ctx: FillContext,
  key: string,
  value: unknown,
  options: SetOptions,
): Promise<{ stored: string[] }> {
  const ttlMs = options.ttlMs ?? ctx.maxTtlMs;
  if (!Number.isInteger(ttlMs) || ttlMs <= 0 || ttlMs > ctx.maxTtlMs) {
    throw new CacheError(
      "ORG_CACHE_TTL",
      `ttlMs must be a whole number from 1 to maxTtlMs (${ctx.maxTtlMs}); got ${String(ttlMs)}`,
    );
  }
  const lease = options.lease;
  if (lease && lease.key !== key)
    throw new CacheError("ORG_CACHE_KEY", `the lease is for "${lease.key}", not "${key}"`);
  const payload = encodeValue(key, value, ctx.maxValueBytes);
  const stored: string[] = [];
  await Promise.all(
    ctx.local.map(async (id) => {
      if (lease && !lease.generations.has(id)) return;
      try {
        const expected = lease ? lease.generations.get(id) : undefined;
        if (await ctx.clusters.call(id, "fill", (s) => s.fill(key, payload, ttlMs, expected))) stored.push(id);
      } catch {
        // Reported through health and clusterError; a missed fill is only a future miss.
      }
    }),
  );
  return { stored };
}
