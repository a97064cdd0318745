/** The deployment environments, in promotion order. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
/** A deployment environment: `"dev" | "staging" | "prod"`. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** The longest per-request timeout any setting accepts: ten minutes. Longer is a hang, not a timeout. */
export const MAX_TIMEOUT_MS = 600_000;

/** One Redis cluster of a region. */
export interface Cluster {
  /** Unique id across the whole topology, for example `us-east-1-a`; reports name clusters by it. */
  readonly id: string;
  /** Connection URL with credentials redacted (`rediss://***@host:6380`); `connectionUrl(cluster)` gives the real one. */
  readonly url: string;
  /** `"standalone"` for one Redis server, `"cluster"` for a Redis Cluster reached through its seed nodes. */
  readonly mode: "standalone" | "cluster";
  /** Extra seed node URLs for mode `"cluster"` (redacted like `url`). */
  readonly seeds?: readonly string[];
}

/** One region with its clusters. */
export interface Region {
  /** Region id, for example `us-east-1`. */
  readonly id: string;
  /** Geography the region serves, for example `US`, `EU`, `APAC`. */
  readonly geo: string;
  /** The region's Redis clusters; at least two. */
  readonly clusters: readonly Cluster[];
}

/** The region topology that `@org/cache-client` broadcasts to. */
export interface Topology {
  readonly regions: readonly Region[];
}

/** Named timeouts, in milliseconds. */
export interface Timeouts {
  /** TCP/TLS connect timeout; at most `TIMEOUT`. */
  readonly connect: number;
  /** Bound on one whole call with its retries (what `@org/http` uses): `TIMEOUT` x 3 unless set. */
  readonly call: number;
  /** Bound on one test: `TIMEOUT` x 4 unless set, so a test outlasts a call by one `TIMEOUT`. */
  readonly test: number;
}

/** Cache bounds, in milliseconds. */
export interface CacheSettings {
  /** Largest TTL a cache entry may have: the worst-case staleness of a cut-off region. */
  readonly maxTtlMs: number;
  /** Bound on one Redis operation per cluster. */
  readonly opTimeoutMs: number;
}

/** The loaded configuration: deeply frozen, credentials redacted. */
export interface OrgConfig {
  /** Deployment environment, from `ORG_ENV`. */
  readonly ENV: Environment;
  /** Per-request network timeout in milliseconds (dev 5000, staging 30000, prod 60000). */
  readonly TIMEOUT: number;
  /** Named timeouts derived from `TIMEOUT` unless set. */
  readonly timeouts: Timeouts;
  /** The regions, each with its Redis clusters (same array as `topology.regions`). */
  readonly regions: readonly Region[];
  /** The topology in the shape `createRegionalCache({ topology })` takes. */
  readonly topology: Topology;
  /** Cache bounds. */
  readonly cache: CacheSettings;
}
