import { createHash, randomBytes, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { config, type Cluster } from "@org/config";
import { Clusters } from "./clusters.ts";
import { CacheError } from "./errors.ts";
import { issueInvalidation } from "./invalidation.ts";
import { fill, takeLease, type FillContext } from "./fills.ts";
import { KeyLayout, validateKey, validateKeys } from "./keys.ts";
import { resolveOptions, type ResolvedOptions } from "./options.ts";
import { clusterMetrics } from "./metrics.ts";
import { QueuedHere } from "./queued-here.ts";
import { readLocal, type ReadContext } from "./reads.ts";
import { RedisStore } from "./redis-store.ts";
import { Relay } from "./relay.ts";
import { clusterRetryPolicy } from "./retry.ts";
import type { ClusterStore, StoreContext } from "./store.ts";
import type {
  InvalidationReport,
  GetOptions,
  Lease,
  RegionalCache,
  RegionalCacheEvents,
  RegionalCacheMetrics,
  RegionalCacheOptions,
  SetOptions,
} from "./types.ts";

/** Builds the store of one cluster (the seam `@org/cache-client/testing` uses for in-memory clusters). */
export type CreateStore = (cluster: Cluster, context: StoreContext) => ClusterStore;

const token = () => randomBytes(16).toString("hex");

class RegionalCacheImpl extends EventEmitter<RegionalCacheEvents> implements RegionalCache {
  readonly localRegion: string;
  readonly opTimeoutMs: number;
  readonly maxTtlMs: number;
  private readonly options: ResolvedOptions;
  private readonly clusters: Clusters;
  private readonly local: string[];
  private readonly relay: Relay;
  private readonly reads: ReadContext;
  private readonly fills: FillContext;
  private readonly loads = new Map<string, Promise<unknown>>();
  private readonly invalidating = new Set<Promise<unknown>>();
  private readonly queuedHere: QueuedHere;
  private deadLettered = 0;
  private dropped = 0;
  private closed = false;

  constructor(options: RegionalCacheOptions, createStore?: CreateStore) {
    super();
    this.options = resolveOptions(options);
    const { topology, opTimeoutMs } = this.options;
    this.localRegion = this.options.localRegion;
    this.opTimeoutMs = opTimeoutMs;
    this.maxTtlMs = this.options.maxTtlMs;
    this.queuedHere = new QueuedHere(2 * this.options.freshnessMs);
    this.clusters = new Clusters({
      opTimeoutMs,
      policy: clusterRetryPolicy(opTimeoutMs),
      maxInFlight: this.options.maxInFlight,
      onDown: (failure) =>
        this.emit("clusterError", {
          clusterId: failure.clusterId,
          kind: failure.kind,
          error: failure,
        }),
    });
    const context: StoreContext = {
      layout: new KeyLayout(this.options.namespace),
      opTimeoutMs,
      // Generations and applied markers outlive any entry, so a late fill or a replay still sees them.
      retentionMs: 2 * this.maxTtlMs,
      onReady: (clusterId) => this.clusters.health.get(clusterId)?.answersAgain(),
      onError: (clusterId, error) =>
        this.emit("clusterError", {
          clusterId,
          kind: (error as { kind?: never }).kind ?? "error",
          error,
        }),
      ...(this.options.tls ? { tls: this.options.tls } : {}),
    };
    const create =
      createStore ??
      ((cluster: Cluster, ctx: StoreContext) =>
        new RedisStore(cluster, {
          ...ctx,
          connectTimeoutMs: Math.max(ctx.opTimeoutMs, config.timeouts.connect),
        }));
    for (const region of topology.regions) {
      for (const cluster of region.clusters) this.clusters.add(region.id, create(cluster, context));
    }
    this.local = topology.regions.find((r) => r.id === this.localRegion)!.clusters.map((c) => c.id);
    const ids = this.clusters.ids;
    this.relay = new Relay({
      clusters: this.clusters,
      intervalMs: this.options.relayIntervalMs,
      opTimeoutMs,
      retentionMs: context.retentionMs,
      owner: randomUUID(),
      fingerprint: createHash("sha256").update(ids.toSorted().join(",")).digest("hex").slice(0, 12),
      maxAttempts: this.options.maxDeliveryAttempts,
      maxLocalQueue: this.options.maxLocalQueue,
      token,
      events: {
        delivered: (event) => this.emit("delivered", event),
        deadLetter: (event) => {
          this.deadLettered++;
          this.emit("deadLetter", event);
        },
        expired: () => {},
        dropped: (event) => {
          this.dropped += event.ids.length;
          this.emit("dropped", event);
        },
      },
    });
    this.fills = {
      clusters: this.clusters,
      local: this.local,
      maxTtlMs: this.maxTtlMs,
      maxValueBytes: this.options.maxValueBytes,
    };
    this.reads = {
      clusters: this.clusters,
      localRegion: this.localRegion,
      local: this.local,
      opTimeoutMs,
      freshnessMs: this.options.freshnessMs,
      queuedHere: (key, clusterId) => this.queuedHere.has(key, clusterId),
    };
    this.relay.start();
  }

  async get<T = unknown>(key: string, options: GetOptions = {}): Promise<T | undefined> {
    this.assertOpen();
    validateKey(key);
    const value = await readLocal(this.reads, key, options.failClosed === true);
    return value === null ? undefined : (JSON.parse(value) as T);
  }

  async lease(key: string): Promise<Lease> {
    this.assertOpen();
    validateKey(key);
    return takeLease(this.fills, key);
  }

  async set(key: string, value: unknown, options: SetOptions = {}): Promise<{ stored: string[] }> {
    this.assertOpen();
    validateKey(key);
    return fill(this.fills, key, value, options);
  }

  async getOrSet<T>(key: string, loader: () => Promise<T> | T, options: Omit<SetOptions, "lease"> = {}): Promise<T> {
    this.assertOpen();
    validateKey(key);
    try {
      const value = await readLocal(this.reads, key, false);
      if (value !== null) return JSON.parse(value) as T;
    } catch {
      // The cache is an optimisation: with the local region down, serve from the loader.
    }
    const running = this.loads.get(key);
    if (running) return running as Promise<T>;
    const load = (async () => {
      const lease = await this.lease(key);
      const value = await loader();
      if (value !== undefined) await this.set(key, value, { ...options, lease });
      return value;
    })();
    this.loads.set(key, load);
    // Only our own entry: an invalidation may have detached this load and a newer one taken its place.
    const forget = () => void (this.loads.get(key) === load && this.loads.delete(key));
    load.then(forget, forget);
    return load;
  }

  async invalidate(keyOrKeys: string | readonly string[]): Promise<InvalidationReport> {
    this.assertOpen();
    const keys = validateKeys(keyOrKeys);
    // Loads that began before this invalidation must not be shared with callers after it.
    for (const key of keys) this.loads.delete(key);
    const running = issueInvalidation(
      {
        clusters: this.clusters,
        relay: this.relay,
        opTimeoutMs: this.opTimeoutMs,
        token,
      },
      keys,
    );
    this.invalidating.add(running);
    try {
      const report = await running;
      if (!report.complete) this.queuedHere.note(keys, report.queued);
      this.emit("invalidation", report);
      return report;
    } finally {
      this.invalidating.delete(running);
    }
  }

  deliverQueued(): Promise<number> {
    this.assertOpen();
    return this.relay.runOnce();
  }

  metrics(): RegionalCacheMetrics {
    return clusterMetrics(this.clusters, this.relay, {
      deadLettered: this.deadLettered,
      dropped: this.dropped,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Invalidations already sent finish (each is bounded by its answer time) so their reports are true.
    await Promise.allSettled([...this.invalidating]);
    await this.relay.stop();
    this.clusters.close();
  }

  private assertOpen(): void {
    if (this.closed)
      throw new CacheError("ORG_CACHE_CLOSED", "this cache was closed; create a new one with createRegionalCache");
  }
}

/**
 * A cache over every region of the topology whose only way to remove a key is a broadcast.
 * @example
 * const cache = createRegionalCache({ localRegion: "us-east-1" });
 * const report = await cache.invalidate(`api_key:${id}:status`);
 * if (!report.complete) log.warn("invalidation queued", report.queued);
 */
export function createRegionalCache(options: RegionalCacheOptions): RegionalCache {
  return new RegionalCacheImpl(options);
}

/** `createRegionalCache` on stores of your own (the in-memory clusters of `@org/cache-client/testing`). */
export function createRegionalCacheOnStores(options: RegionalCacheOptions, createStore: CreateStore): RegionalCache {
  return new RegionalCacheImpl(options, createStore);
}
