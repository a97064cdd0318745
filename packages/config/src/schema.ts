import { z } from "zod";
import { CALL_TIMEOUT_FACTOR, TEST_TIMEOUT_FACTOR } from "./factors.ts";
import { redisUrlProblem } from "./secrets.ts";
import { ENVIRONMENTS, MAX_TIMEOUT_MS } from "./types.ts";

// Internal: the zod schema validates what the layers produced; tools get its JSON Schema.

const durationMs = (what: string, max = MAX_TIMEOUT_MS) =>
  z
    .number({ error: `must be a whole number of milliseconds (for example 30000)` })
    .int({ error: `must be a whole number of milliseconds (for example 30000)` })
    .positive({ error: `must be a positive number of milliseconds; 0 would mean "${what} never"` })
    .max(max, { error: `must be at most ${max} ms (${max / 60_000} minutes)` });

// `expected` is what a URL of the wrong scheme is told; other problems add what is wrong.
const redisUrl = (expected: string, typeError?: string) =>
  z
    .string(typeError === undefined ? undefined : { error: typeError })
    .superRefine((url, ctx) => {
      const problem = redisUrlProblem(url);
      if (problem)
        ctx.addIssue({ code: "custom", message: problem === "scheme" ? expected : `${expected}; ${problem}` });
    })
    .meta({ pattern: "^rediss?://[^\\s]+$" });

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

const ClusterSchema = z
  .object({
    id: z
      .string()
      .regex(ID, { error: "must be lowercase letters, digits and dashes (for example us-east-1-a)" })
      .describe("Unique id of the cluster across the whole topology; reports name clusters by it."),
    url: redisUrl(
      "must be a redis:// or rediss:// URL (rediss:// for TLS)",
      "must be a redis:// or rediss:// URL",
    ).describe("Connection URL; credentials in it are redacted everywhere they are printed."),
    mode: z
      .enum(["standalone", "cluster"], { error: 'must be "standalone" or "cluster"' })
      .default("standalone")
      .describe('"standalone" for one Redis server, "cluster" for a Redis Cluster reached through its seed nodes.'),
    seeds: z
      .array(redisUrl("must be a redis:// or rediss:// URL"))
      .optional()
      .describe('Extra seed node URLs for mode "cluster" (url is the first seed).'),
  })
  .strict();

const RegionSchema = z
  .object({
    id: z
      .string()
      .regex(ID, { error: "must be lowercase letters, digits and dashes (for example us-east-1)" })
      .describe("Region id, for example us-east-1."),
    geo: z.string().min(1).describe("Geography the region serves, for example US, EU, APAC."),
    clusters: z
      .array(ClusterSchema)
      .min(2, { error: "needs at least 2 Redis clusters (one can fail over to the other)" })
      .describe("The region's Redis clusters; at least two for high availability."),
  })
  .strict();

const RegionsSchema = z
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
        call: durationMs("wait", MAX_TIMEOUT_MS * CALL_TIMEOUT_FACTOR).describe(
          `Bound on one whole call with its retries, in milliseconds (what @org/http uses): TIMEOUT x ${CALL_TIMEOUT_FACTOR} unless set; at most timeouts.test.`,
        ),
        test: durationMs("wait", MAX_TIMEOUT_MS * TEST_TIMEOUT_FACTOR).describe(
          `Timeout for one test in milliseconds: TIMEOUT x ${TEST_TIMEOUT_FACTOR} (one call's ${CALL_TIMEOUT_FACTOR} x TIMEOUT plus one TIMEOUT for the test itself) unless set.`,
        ),
      })
      .strict(),
    regions: RegionsSchema.describe("Region topology: every region with its Redis clusters."),
    allowMissingRegions: z
      .array(z.string({ error: "must list region ids as strings" }), { error: "must be an array of region ids" })
      .optional()
      .describe(
        "Config file only. Region ids of the environment's profile that this staging or prod topology leaves out on purpose; without it a missing region is an error. `org-config validate` prints each as a warning.",
      ),
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
    if (value.timeouts.call > value.timeouts.test) {
      ctx.addIssue({
        code: "custom",
        path: ["timeouts", "call"],
        message: `must not exceed timeouts.test (${value.timeouts.test} ms): a test must outlast the calls it makes`,
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

/** The validated settings, before they are frozen into an `OrgConfig`. */
export type ConfigValues = z.infer<typeof ConfigSchema>;
