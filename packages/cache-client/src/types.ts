import type { Topology } from "@org/config";
import type { FailureKind } from "./failures.ts";

export type { FailureKind };

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
   * Bound on one operation against one cluster, in milliseconds. `get` answers within it (both local
   * clusters included); `invalidate` within it per started block of 2,000 keys (20,000 keys: 10 x).
   * @default config.cache.opTimeoutMs (dev 250, staging and prod 1000)
   */
  opTimeoutMs?: number;
  /**
   * Largest TTL an entry may have; also the worst-case staleness of a region cut off for good.
   * @default config.cache.maxTtlMs (300000)
   */
  maxTtlMs?: number;
  /**
   * Prefix of every Redis key the cache writes (PROTOCOL.md, "Keys").
   * @default "org:cache"
   */
  namespace?: string;
  /**
   * How often the relay runs: outbox passes, probes of failed clusters, recovery checks. At least 10.
   * @default opTimeoutMs
   */
  relayIntervalMs?: number;
  /**
   * How recent every outbox's sweep stamp must be, by the read cluster's clock, for a `failClosed` read to return a value.
   * @default 4 * relayIntervalMs + opTimeoutMs
   */
  freshnessMs?: number;
  /**
   * Largest value `set` accepts, in UTF-8 bytes of its JSON (keep it under Redis' `proto-max-bulk-len`).
   * @default 524288 (512 KiB)
   */
  maxValueBytes?: number;
  /**
   * Calls one cluster may have outstanding: a command counts until the server answers or the
   * connection drops (also after its caller stopped waiting), further calls to that cluster wait for
   * a slot within their own bound, and a cluster whose breaker is open (it answered nothing for a
   * whole bound) fails them at once without a slot. Bounds memory when a cluster stops answering
   * without closing its connections; one cluster's window never delays another's calls.
   * @default 4096
   */
  maxInFlight?: number;
  /**
   * Failed attempts to deliver one outbox entry before it moves to the dead letters (`<namespace>:dead`).
   * @default 5
   */
  maxDeliveryAttempts?: number;
  /**
   * Non-durable invalidations (recorded in fewer than two regions) this process keeps retrying
   * itself; past this, the oldest is dropped with a `dropped` event.
   * @default 10000
   */
  maxLocalQueue?: number;
  /**
   * TLS settings for `rediss://` clusters, such as the CA of a private PKI.
   * @default Node's trusted CAs, certificates verified
   * @example createRegionalCache({ localRegion: "eu-west-1", tls: { ca: readFileSync("/etc/ssl/redis-ca.pem") } })
   */
  tls?: TlsOptions;
}

/** TLS options for `rediss://` connections (a subset of `tls.connect`'s). */
export interface TlsOptions {
  /** CA certificates (PEM) to trust instead of Node's defaults. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Client certificate (PEM), for servers that require one. */
  cert?: string | Buffer;
  /** Client key (PEM), with `cert`. */
  key?: string | Buffer;
  /** Server name to verify the certificate against. @default the URL's host */
  servername?: string;
}

/** What one `invalidate` call achieved, cluster by cluster. */
export interface InvalidationReport {
  /** Invalidation id, as it appears in events, outboxes and applied markers. */
  id: string;
  /** Every cluster of every region applied it before the answer. */
  complete: boolean;
  /** Cluster ids that applied it (and recorded it in their outbox) before the answer. */
  delivered: string[];
  /** Cluster ids that did not confirm in time: the relay delivers it to them. */
  queued: string[];
  /** Why each queued cluster is queued. */
  reasons: Record<string, FailureKind>;
  /**
   * Recorded in the outboxes of at least two clusters in two different regions (in a one-region
   * topology, two clusters), so it survives this process and the loss of any one cluster's state.
   * When false, this process retries it itself until it is delivered or the cache is closed.
   */
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
   * cluster where the key was invalidated since, or that cannot prove it was not.
   */
  lease?: Lease;
}

export interface GetOptions {
  /**
   * For security-critical keys (revocations): answer a miss unless the cluster read has been swept
   * from every outbox within `freshnessMs` and no invalidation of the key by this process is pending.
   * @default false
   */
  failClosed?: boolean;
}

/** The generation token of a key on each local cluster when the lease was taken. */
export interface Lease {
  readonly key: string;
  readonly generations: ReadonlyMap<string, string>;
}

export interface ClusterMetrics {
  id: string;
  region: string;
  /** Answering and current (state `up`). */
  healthy: boolean;
  /** `up`, `down` (failing; calls fail fast between probes) or `recovering` (back, reads wait for the relay). */
  state: "up" | "down" | "recovering";
  /** Why it last failed. */
  lastFailure: FailureKind | undefined;
  /** Smoothed latency of this process's operations on the cluster, in ms. */
  latencyMs: number | undefined;
  /**
   * Calls of this process outstanding on it, or commands its driver holds for it (sent and not
   * answered yet, also those whose caller stopped waiting), whichever is more. At most `maxInFlight`.
   */
  inFlight: number;
  /** Invalidations this process knows are waiting for it (in outboxes it relays, and its own). */
  queueDepth: number;
  /** How long the oldest of them has been known to this process, in ms (monotonic; 0 when none). */
  deliveryLagMs: number;
}

export interface RegionalCacheMetrics {
  clusters: ClusterMetrics[];
  /** Entries this process moved to the dead letters. */
  deadLettered: number;
  /** Non-durable invalidations this process dropped (`dropped` events). */
  dropped: number;
}

export interface RegionalCacheEvents {
  invalidation: [InvalidationReport];
  /** `lagMs`: since this process first knew of the entry (monotonic). */
  delivered: [{ clusterId: string; id: string; lagMs: number }];
  /** Connection errors and a cluster going down; `error` holds no credential. */
  clusterError: [{ clusterId: string; kind: FailureKind; error: Error }];
  /** An entry that kept failing (or could not be read) left the outbox for `<namespace>:dead`. */
  deadLetter: [{ clusterId: string; outbox: string; id: string | undefined; reason: string }];
  /** Non-durable invalidations this process gave up on (closed, or over `maxLocalQueue`). */
  dropped: [{ ids: string[]; reason: string }];
}

/** A cache over every region's Redis clusters. Reads and fills stay in the local region; `invalidate` always goes to every cluster. */
export interface RegionalCache {
  readonly localRegion: string;
  readonly opTimeoutMs: number;
  readonly maxTtlMs: number;
  /** The value of `key` in the local region, or undefined on a miss. */
  get<T = unknown>(key: string, options?: GetOptions): Promise<T | undefined>;
  /** Takes a lease on `key` before reading its data; pass it to `set` so a stale fill cannot land. */
  lease(key: string): Promise<Lease>;
  /** Stores `value` on both clusters of the local region; resolves to the clusters that took it. */
  set(key: string, value: unknown, options?: SetOptions): Promise<{ stored: string[] }>;
  /** Read-through under a lease; concurrent calls share one load until the key is invalidated. */
  getOrSet<T>(key: string, loader: () => Promise<T> | T, options?: Omit<SetOptions, "lease">): Promise<T>;
  /**
   * Invalidates keys in every cluster of every region, in parallel, answering within `opTimeoutMs`
   * per started block of 2,000 keys; a cluster that has not confirmed by then is reported `queued`.
   */
  invalidate(keyOrKeys: string | readonly string[]): Promise<InvalidationReport>;
  /** Runs one relay round now; resolves to the number of deliveries it made. */
  deliverQueued(): Promise<number>;
  metrics(): RegionalCacheMetrics;
  /** Finishes invalidations in flight (bounded by opTimeoutMs), gives up relay leases, disconnects. */
  close(): Promise<void>;
  on<E extends keyof RegionalCacheEvents>(event: E, listener: (...args: RegionalCacheEvents[E]) => void): this;
  off<E extends keyof RegionalCacheEvents>(event: E, listener: (...args: RegionalCacheEvents[E]) => void): this;
  once<E extends keyof RegionalCacheEvents>(event: E, listener: (...args: RegionalCacheEvents[E]) => void): this;
}
