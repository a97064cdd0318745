import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { config, type Topology } from "@org/config";
import { CacheError } from "./errors.ts";
import { encodeValue, KeyLayout, validateKey } from "./keys.ts";
import { RedisStore } from "./redis-store.ts";
import { Relay } from "./relay.ts";
import type { ClusterStore, OutboxEntry } from "./store.ts";
import { withTimeout } from "./timeout.ts";

/** Options of `createRegionalCache`. */
export interface RegionalCacheOptions {
  /**
   * The region this process runs in: reads and fills use its clusters.
   * @example "us-east-1"
   */
  localRegion: string;
  /**
   * Every region and cluster an invalidation must reach.
   * @default config.topology from @org/config
   */
  topology?: Topology;
  /**
   * Bound on one operation against one cluster, in milliseconds. `invalidate` answers within it.
   * @default config.cache.opTimeoutMs (dev 250, staging and prod 1000)
   */
  opTimeoutMs?: number;
  /**
   * Largest TTL an entry may have; also the worst-case staleness of a region cut off for good.
   * @default config.cache.maxTtlMs (300000)
   */
  maxTtlMs?: number;
  /**
   * Prefix of every Redis key the cache writes.
   * @default "org:cache"
   */
  namespace?: string;
  /**
   * How often queued invalidations are retried and the outboxes swept.
   * @default opTimeoutMs
   */
  relayIntervalMs?: number;
  /**
   * How recent the last sweep of every cluster must be for a `failClosed` read to return a value.
   * @default 4 * relayIntervalMs + opTimeoutMs
   */
  freshnessMs?: number;
  /**
   * TLS settings for `rediss://` clusters, such as the CA of a private PKI.
   * @default Node's trusted CAs, certificates verified
   * @example createRegionalCache({ localRegion: "eu-west-1", tls: { ca: readFileSync("/etc/ssl/redis-ca.pem") } })
   */
  tls?: TlsOptions;
  /**
   * Builds the store of a cluster. For the in-memory driver of `@org/cache-client/testing`.
   * @default a Redis client per cluster (ioredis)
   */
  createStore?: (cluster: Topology["regions"][number]["clusters"][number], context: StoreContext) => ClusterStore;
}

/** TLS options for `rediss://` connections (a subset of `tls.connect`'s). */
export interface TlsOptions {
  /** CA certificates (PEM) to trust instead of Node's defaults. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Client certificate and key (PEM), for servers that require them. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Server name to verify the certificate against. @default the URL's host */
  servername?: string;
}

export interface StoreContext {
  layout: KeyLayout;
  tls?: TlsOptions;
  opTimeoutMs: number;
  retentionMs: number;
  onError: (clusterId: string, error: Error) => void;
}

/** What one `invalidate` call achieved, cluster by cluster. */
export interface InvalidationReport {
  /** Invalidation id, as it appears in events and outboxes. */
  id: string;
  /** Every cluster of every region acknowledged it. */
  complete: boolean;
  /** Cluster ids that applied it before the answer. */
  delivered: string[];
  /** Cluster ids that did not answer in time: the invalidation will be delivered to them. */
  queued: string[];
  /** Recorded in at least one cluster's outbox, so it survives this process. */
  durable: boolean;
}

export interface SetOptions {
  /**
   * Time to live in milliseconds; at most `maxTtlMs`.
   * @default maxTtlMs
   */
  ttlMs?: number;
  /**
   * A lease taken (with `cache.lease(key)`) before the data was read: the fill is dropped on any
   * cluster where the key was invalidated since. Without one, `set` cannot tell a stale fill.
   */
  lease?: Lease;
}

export interface GetOptions {
  /**
   * For security-critical keys (revocations): answer a miss unless every cluster of every region
   * was swept within `freshnessMs` and no invalidation of this key is known to be pending.
   * @default false
   */
  failClosed?: boolean;
}

/** The generations of a key on the local clusters when the lease was taken. */
export interface Lease {
  readonly key: string;
  readonly generations: ReadonlyMap<string, string | null>;
}

export interface ClusterMetrics {
  id: string;
  region: string;
  healthy: boolean;
  /** Smoothed latency of this process's operations on the cluster, in ms. */
  latencyMs: number | undefined;
  /** Invalidations known to be waiting for this cluster. */
  queueDepth: number;
  /** Age of the oldest of them, in ms (0 when none). */
  deliveryLagMs: number;
}

export interface RegionalCacheEvents {
  invalidation: [InvalidationReport];
  delivered: [{ clusterId: string; id: string; lagMs: number }];
  clusterError: [{ clusterId: string; error: Error }];
}

type TopologyCluster = Topology["regions"][number]["clusters"][number];

interface Health {
  healthy: boolean;
  failures: number;
  retryAt: number;
  latencyMs: number | undefined;
}

/**
 * A cache over every region's Redis clusters. Reads and fills stay in the local region;
 * `invalidate` is the only way to remove a key, and it always goes to every cluster.
 */
export class RegionalCache extends EventEmitter<RegionalCacheEvents> {
  readonly localRegion: string;
  readonly opTimeoutMs: number;
  readonly maxTtlMs: number;
  private readonly stores = new Map<string, ClusterStore>();
  private readonly regionOf = new Map<string, string>();
  private readonly local: ClusterStore[];
  private readonly health = new Map<string, Health>();
  private readonly relay: Relay;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly freshnessMs: number;
  private closed = false;

  constructor(options: RegionalCacheOptions) {
    super();
    const topology = options.topology ?? config.topology;
    this.opTimeoutMs = options.opTimeoutMs ?? config.cache.opTimeoutMs;
    this.maxTtlMs = options.maxTtlMs ?? config.cache.maxTtlMs;
    for (const [name, value] of [
      ["opTimeoutMs", this.opTimeoutMs],
      ["maxTtlMs", this.maxTtlMs],
    ] as const) {
      if (!Number.isInteger(value) || value <= 0) {
        throw new CacheError(
          "ORG_CACHE_TOPOLOGY",
          `createRegionalCache: ${name} must be a positive whole number of ms (got ${String(value)})`,
        );
      }
    }
    const region = topology.regions.find((r) => r.id === options.localRegion);
    if (!region) {
      throw new CacheError(
        "ORG_CACHE_TOPOLOGY",
        `createRegionalCache: localRegion "${options.localRegion}" is not in the topology (regions: ${topology.regions.map((r) => r.id).join(", ")})`,
      );
    }
    this.localRegion = region.id;
    const relayIntervalMs = options.relayIntervalMs ?? this.opTimeoutMs;
    this.freshnessMs = options.freshnessMs ?? 4 * relayIntervalMs + this.opTimeoutMs;
    const context: StoreContext = {
      layout: new KeyLayout(options.namespace ?? "org:cache"),
      opTimeoutMs: this.opTimeoutMs,
      // Generations and applied markers outlive any entry, so a late fill or a replay still sees them.
      retentionMs: 2 * this.maxTtlMs,
      onError: (clusterId, error) => this.emit("clusterError", { clusterId, error }),
      ...(options.tls ? { tls: options.tls } : {}),
    };
    const create =
      options.createStore ??
      ((cluster: TopologyCluster, ctx: StoreContext) =>
        new RedisStore(cluster, { ...ctx, connectTimeoutMs: Math.max(ctx.opTimeoutMs, config.timeouts.connect) }));
    for (const r of topology.regions) {
      for (const cluster of r.clusters) {
        this.stores.set(cluster.id, create(cluster, context));
        this.regionOf.set(cluster.id, r.id);
        this.health.set(cluster.id, { healthy: true, failures: 0, retryAt: 0, latencyMs: undefined });
      }
    }
    this.local = region.clusters.map((c) => this.stores.get(c.id)!);
    this.relay = new Relay({
      stores: [...this.stores.values()],
      intervalMs: relayIntervalMs,
      call: (store, what, op) => this.call(store, what, op),
      onDelivered: (event) => this.emit("delivered", event),
    });
    this.relay.start();
  }

  /** The value of `key` in the local region, or undefined on a miss. */
  async get<T = unknown>(key: string, options: GetOptions = {}): Promise<T | undefined> {
    this.assertOpen();
    validateKey(key);
    if (options.failClosed && !this.isFresh(key)) return undefined;
    const value = await this.readLocal(key);
    return value === null ? undefined : (JSON.parse(value) as T);
  }

  private async readLocal(key: string): Promise<string | null> {
    // Fast path, the common case: the first local cluster is healthy and answers.
    const first = this.local[0]!;
    const health = this.health.get(first.id)!;
    if (health.healthy) {
      const started = performance.now();
      try {
        const value = await first.get(key);
        this.succeeded(health, started);
        return value;
      } catch {
        this.failed(health);
      }
    }
    return this.readLocalSlow(key);
  }

  /** Takes a lease on `key` before reading its data; pass it to `set` so a stale fill cannot land. */
  async lease(key: string): Promise<Lease> {
    this.assertOpen();
    validateKey(key);
    const generations = new Map<string, string | null>();
    await Promise.all(
      this.local.map(async (store) => {
        try {
          generations.set(store.id, await this.call(store, "lease", () => store.generation(key)));
        } catch {
          // No generation, no fill on that cluster: an unproven fill is never written.
        }
      }),
    );
    return { key, generations };
  }

  /** Stores `value` on both clusters of the local region; returns the clusters that took it. */
  async set(key: string, value: unknown, options: SetOptions = {}): Promise<{ stored: string[] }> {
    this.assertOpen();
    validateKey(key);
    const ttlMs = options.ttlMs ?? this.maxTtlMs;
    if (!Number.isInteger(ttlMs) || ttlMs <= 0 || ttlMs > this.maxTtlMs) {
      throw new CacheError(
        "ORG_CACHE_TTL",
        `ttlMs must be a whole number from 1 to maxTtlMs (${this.maxTtlMs}); got ${String(ttlMs)}`,
      );
    }
    if (options.lease && options.lease.key !== key) {
      throw new CacheError("ORG_CACHE_KEY", `the lease is for "${options.lease.key}", not "${key}"`);
    }
    const payload = encodeValue(key, value);
    const stored: string[] = [];
    await Promise.all(
      this.local.map(async (store) => {
        const lease = options.lease;
        if (lease && !lease.generations.has(store.id)) return;
        try {
          const ok = await this.call(store, "fill", () =>
            store.fill(key, payload, ttlMs, lease ? lease.generations.get(store.id) : undefined),
          );
          if (ok) stored.push(store.id);
        } catch {
          // Reported through health and clusterError; a missed fill is only a future miss.
        }
      }),
    );
    return { stored };
  }

  /**
   * Read-through: the cached value, or `loader()`'s, filled under a lease so that data read
   * before a concurrent invalidation never lands after it. Concurrent calls share one load.
   */
  async getOrSet<T>(key: string, loader: () => Promise<T> | T, options: Omit<SetOptions, "lease"> = {}): Promise<T> {
    this.assertOpen();
    validateKey(key);
    try {
      const value = await this.readLocal(key);
      if (value !== null) return JSON.parse(value) as T;
    } catch {
      // The cache is an optimisation: with the local region down, serve from the loader.
    }
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const load = (async () => {
      const lease = await this.lease(key);
      const value = await loader();
      if (value !== undefined) await this.set(key, value, { ...options, lease });
      return value;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, load);
    return load;
  }

  /**
   * Invalidates keys in every cluster of every region, in parallel, each bounded by `opTimeoutMs`.
   * Clusters that did not answer are `queued` and will be delivered by this or any other instance.
   */
  async invalidate(keyOrKeys: string | readonly string[]): Promise<InvalidationReport> {
    this.assertOpen();
    const keys = [...new Set(typeof keyOrKeys === "string" ? [keyOrKeys] : keyOrKeys)];
    if (keys.length === 0) throw new CacheError("ORG_CACHE_KEY", "invalidate needs at least one key");
    keys.forEach(validateKey);
    const entry: OutboxEntry = { id: randomUUID(), keys, at: Date.now(), targets: [...this.stores.keys()] };
    const outcomes = await Promise.all(
      [...this.stores.values()].map(async (store) => {
        try {
          const streamId = await this.call(store, "invalidate", () => store.apply(entry, true));
          return { id: store.id, ok: true, streamId };
        } catch {
          return { id: store.id, ok: false, streamId: undefined };
        }
      }),
    );
    const delivered = outcomes.filter((o) => o.ok).map((o) => o.id);
    const queued = outcomes.filter((o) => !o.ok).map((o) => o.id);
    this.relay.track(
      entry,
      queued,
      new Map(outcomes.flatMap((o) => (o.streamId ? [[o.id, o.streamId] as const] : []))),
    );
    const report: InvalidationReport = {
      id: entry.id,
      complete: queued.length === 0,
      delivered,
      queued,
      durable: delivered.length > 0,
    };
    this.emit("invalidation", report);
    return report;
  }

  /** Runs one delivery round now (queued invalidations and outbox sweep); resolves to the number delivered. */
  deliverQueued(): Promise<number> {
    this.assertOpen();
    return this.relay.runOnce();
  }

  /** Per-cluster health, latency, queue depth and delivery lag, for a service's metrics. */
  metrics(): ClusterMetrics[] {
    const now = Date.now();
    return [...this.stores.keys()].map((id) => {
      const health = this.health.get(id)!;
      const pending = this.relay.pendingFor(id);
      return {
        id,
        region: this.regionOf.get(id)!,
        healthy: health.healthy,
        latencyMs: health.latencyMs,
        queueDepth: pending.length,
        deliveryLagMs: pending.length === 0 ? 0 : now - Math.min(...pending.map((e) => e.at)),
      };
    });
  }

  /** Stops the relay and drops every connection at once; never waits on an unreachable cluster. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.relay.stop();
    for (const store of this.stores.values()) store.close();
  }

  private isFresh(key: string): boolean {
    const localIds = this.local.map((s) => s.id);
    return Date.now() - this.relay.lastCompleteSweepAt <= this.freshnessMs && !this.relay.isPending(key, localIds);
  }

  private async readLocalSlow(key: string): Promise<string | null> {
    const now = Date.now();
    let lastError: unknown;
    // The first local cluster that is not backing off, then the other; stores bound their own reads.
    for (const pass of [false, true]) {
      for (const store of this.local) {
        const backingOff = this.health.get(store.id)!.retryAt > now;
        if (backingOff !== pass) continue;
        try {
          return await this.call(store, "get", () => store.get(key), false);
        } catch (error) {
          lastError = error;
        }
      }
    }
    throw new CacheError(
      "ORG_CACHE_UNAVAILABLE",
      `no cluster of ${this.localRegion} answered within ${this.opTimeoutMs} ms (${this.local.map((s) => s.id).join(", ")})`,
      {
        cause: lastError,
      },
    );
  }

  private async call<T>(store: ClusterStore, what: string, op: () => Promise<T>, guard = true): Promise<T> {
    const health = this.health.get(store.id)!;
    const started = performance.now();
    try {
      const result = await (guard ? withTimeout(op(), this.opTimeoutMs, `${what} on ${store.id}`) : op());
      this.succeeded(health, started);
      return result;
    } catch (error) {
      this.failed(health);
      throw error;
    }
  }

  private succeeded(health: Health, started: number): void {
    const latency = performance.now() - started;
    health.latencyMs = health.latencyMs === undefined ? latency : 0.8 * health.latencyMs + 0.2 * latency;
    health.healthy = true;
    health.failures = 0;
    health.retryAt = 0;
  }

  // A failing cluster is skipped for a while, longer after each failure, up to 10 x opTimeoutMs.
  private failed(health: Health): void {
    health.healthy = false;
    health.failures++;
    health.retryAt = Date.now() + Math.min(this.opTimeoutMs * 2 ** health.failures, 10 * this.opTimeoutMs);
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
  return new RegionalCache(options);
}
