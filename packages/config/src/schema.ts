import { z } from "zod";

/** The deployment environments, in promotion order. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The longest timeout any setting accepts: ten minutes. Longer is a hang, not a timeout. */
export const MAX_TIMEOUT_MS = 600_000;

const durationMs = (what: string) =>
  z
    .number({ error: `must be a whole number of milliseconds (for example 30000)` })
    .int({ error: `must be a whole number of milliseconds (for example 30000)` })
    .positive({ error: `must be a positive number of milliseconds; 0 would mean "${what} never"` })
    .max(MAX_TIMEOUT_MS, { error: `must be at most ${MAX_TIMEOUT_MS} ms (10 minutes)` });

const REDIS_URL = /^rediss?:\/\/[^\s/]+/;

export const ClusterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        error: "must be lowercase letters, digits and dashes (for example us-east-1-a)",
      })
      .describe("Unique id of the cluster across the whole topology; reports name clusters by it."),
    url: z
      .string({ error: "must be a redis:// or rediss:// URL" })
      .regex(REDIS_URL, { error: "must be a redis:// or rediss:// URL (rediss:// for TLS)" })
      .describe("Connection URL; credentials in it are redacted everywhere they are printed."),
    mode: z
      .enum(["standalone", "cluster"], { error: 'must be "standalone" or "cluster"' })
      .default("standalone")
      .describe('"standalone" for one Redis server, "cluster" for a Redis Cluster reached through its seed nodes.'),
    seeds: z
      .array(z.string().regex(REDIS_URL, { error: "must be a redis:// or rediss:// URL" }))
      .optional()
      .describe('Extra seed node URLs for mode "cluster" (url is the first seed).'),
  })
  .strict();

export const RegionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        error: "must be lowercase letters, digits and dashes (for example us-east-1)",
      })
      .describe("Region id, for example us-east-1."),
    geo: z.string().min(1).describe("Geography the region serves, for example US, EU, APAC."),
    clusters: z
      .array(ClusterSchema)
      .min(2, { error: "needs at least 2 Redis clusters (one can fail over to the other)" })
      .describe("The region's Redis clusters; at least two for high availability."),
  })
  .strict();

export const RegionsSchema = z
  .array(RegionSchema)
  .min(1, { error: "needs at least one region" })
  .superRefine((regions, ctx) => {
    const regionIds = new Set<string>();
    const clusterIds = new Set<string>();
    regions.forEach((region, r) => {
      if (regionIds.has(region.id)) {
        ctx.addIssue({
          code: "custom",
          path: [r, "id"],
          message: `duplicate region id "${region.id}"; region ids must be unique`,
        });
      }
      regionIds.add(region.id);
      region.clusters.forEach((cluster, c) => {
        if (clusterIds.has(cluster.id)) {
          ctx.addIssue({
            code: "custom",
            path: [r, "clusters", c, "id"],
            message: `duplicate cluster id "${cluster.id}"; cluster ids must be unique across all regions`,
          });
        }
        clusterIds.add(cluster.id);
      });
    });
  });

export const ConfigSchema = z
  .object({
    ENV: z
      .enum(ENVIRONMENTS, { error: `must be one of ${ENVIRONMENTS.join(", ")}` })
      .describe("Deployment environment."),
    TIMEOUT: durationMs("wait").describe(
      "Per-request network timeout in milliseconds: dev 5000, staging 30000, prod 60000.",
    ),
    timeouts: z
      .object({
        connect: durationMs("wait").describe("TCP/TLS connect timeout in milliseconds; at most TIMEOUT."),
        test: durationMs("wait").describe(
          "Timeout for one test in milliseconds: TIMEOUT times (1 + 3 retries) unless set.",
        ),
      })
      .strict(),
    regions: RegionsSchema.describe("Region topology: every region with its Redis clusters."),
    cache: z
      .object({
        maxTtlMs: z
          .number({ error: "must be a whole number of milliseconds" })
          .int({ error: "must be a whole number of milliseconds" })
          .positive({ error: "must be positive: entries without a TTL can stay stale forever" })
          .max(7 * 24 * 3_600_000, { error: "must be at most 7 days" })
          .describe("Largest TTL a cache entry may have: the worst-case staleness of a cut-off region."),
        opTimeoutMs: durationMs("wait").describe("Bound on one Redis operation per cluster, in milliseconds."),
      })
      .strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.TIMEOUT > 0 && value.timeouts.connect > value.TIMEOUT) {
      ctx.addIssue({
        code: "custom",
        path: ["timeouts", "connect"],
        message: `must not exceed TIMEOUT (${value.TIMEOUT} ms)`,
      });
    }
    if (value.ENV === "prod") {
      value.regions.forEach((region, r) =>
        region.clusters.forEach((cluster, c) => {
          for (const [i, url] of [cluster.url, ...(cluster.seeds ?? [])].entries()) {
            if (!url.startsWith("rediss://")) {
              ctx.addIssue({
                code: "custom",
                path: i === 0 ? ["regions", r, "clusters", c, "url"] : ["regions", r, "clusters", c, "seeds", i - 1],
                message: "must use rediss:// (TLS) in prod",
              });
            }
          }
        }),
      );
    }
  });

/** One Redis cluster of a region. */
export type Cluster = Readonly<Omit<z.infer<typeof ClusterSchema>, "seeds">> & { readonly seeds?: readonly string[] };
/** One region with its clusters. */
export type Region = Readonly<Omit<z.infer<typeof RegionSchema>, "clusters">> & {
  readonly clusters: readonly Cluster[];
};
/** The validated settings, before they are frozen into an `OrgConfig`. */
export type ConfigValues = z.infer<typeof ConfigSchema>;

/** The region topology that `@org/cache-client` broadcasts to. */
export interface Topology {
  readonly regions: readonly Region[];
}

/** The loaded configuration: deeply frozen, credentials redacted. */
export interface OrgConfig {
  /** Deployment environment, from `ORG_ENV`. */
  readonly ENV: Environment;
  /** Per-request network timeout in milliseconds (dev 5000, staging 30000, prod 60000). */
  readonly TIMEOUT: number;
  /** Named timeouts derived from the environment. */
  readonly timeouts: Readonly<ConfigValues["timeouts"]>;
  /** The regions, each with its Redis clusters (same array as `topology.regions`). */
  readonly regions: readonly Region[];
  /** The topology in the shape `createRegionalCache({ topology })` takes. */
  readonly topology: Topology;
  /** Cache bounds. */
  readonly cache: Readonly<ConfigValues["cache"]>;
}
