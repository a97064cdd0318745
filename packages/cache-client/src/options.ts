import { config, type Topology } from "@org/config";
import { CacheError } from "./errors.ts";
import type { RegionalCacheOptions, TlsOptions } from "./types.ts";
import { MAX_VALUE_BYTES } from "./values.ts";

/** Options with every default filled in and every number checked. */
export interface ResolvedOptions {
  topology: Topology;
  localRegion: string;
  opTimeoutMs: number;
  maxTtlMs: number;
  namespace: string;
  relayIntervalMs: number;
  freshnessMs: number;
  maxValueBytes: number;
  maxInFlight: number;
  maxDeliveryAttempts: number;
  maxLocalQueue: number;
  tls: TlsOptions | undefined;
}

/** The shortest relay interval: below it, an idle instance would flood every cluster with polls. */
export const MIN_RELAY_INTERVAL_MS = 10;

export function resolveOptions(options: RegionalCacheOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new CacheError(
      "ORG_CACHE_OPTIONS",
      'createRegionalCache takes an options object, e.g. { localRegion: "us-east-1" }',
    );
  }
  const topology = options.topology ?? config.topology;
  const opTimeoutMs = whole("opTimeoutMs", options.opTimeoutMs ?? config.cache.opTimeoutMs, 1);
  const relayIntervalMs = whole("relayIntervalMs", options.relayIntervalMs ?? opTimeoutMs, MIN_RELAY_INTERVAL_MS);
  const resolved: ResolvedOptions = {
    topology,
    localRegion: options.localRegion,
    opTimeoutMs,
    maxTtlMs: whole("maxTtlMs", options.maxTtlMs ?? config.cache.maxTtlMs, 1),
    namespace: options.namespace ?? "org:cache",
    relayIntervalMs,
    freshnessMs: whole("freshnessMs", options.freshnessMs ?? 4 * relayIntervalMs + opTimeoutMs, 1),
    maxValueBytes: whole("maxValueBytes", options.maxValueBytes ?? MAX_VALUE_BYTES, 1),
    maxInFlight: whole("maxInFlight", options.maxInFlight ?? 4096, 1),
    maxDeliveryAttempts: whole("maxDeliveryAttempts", options.maxDeliveryAttempts ?? 5, 1),
    maxLocalQueue: whole("maxLocalQueue", options.maxLocalQueue ?? 10_000, 1),
    tls: options.tls,
  };
  if (!/^[^\s{}]+$/.test(resolved.namespace)) {
    throw new CacheError(
      "ORG_CACHE_OPTIONS",
      `createRegionalCache: namespace "${resolved.namespace}" must be non-empty, without whitespace or braces`,
    );
  }
  const ids = topology.regions.flatMap((r) => r.clusters.map((c) => c.id));
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    throw new CacheError(
      "ORG_CACHE_TOPOLOGY",
      `createRegionalCache: cluster id "${duplicate}" appears twice in the topology`,
    );
  if (!topology.regions.some((r) => r.id === options.localRegion)) {
    throw new CacheError(
      "ORG_CACHE_TOPOLOGY",
      `createRegionalCache: localRegion "${options.localRegion}" is not in the topology (regions: ${topology.regions.map((r) => r.id).join(", ")})`,
    );
  }
  return resolved;
}

function whole(name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new CacheError(
      "ORG_CACHE_OPTIONS",
      `createRegionalCache: ${name} must be a whole number of at least ${min} (got ${String(value)})`,
    );
  }
  return value;
}
