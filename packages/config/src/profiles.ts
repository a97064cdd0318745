import type { Environment, Region } from "./types.ts";

/** Values an environment starts from, before the config file and environment variables. */
export interface Profile {
  TIMEOUT: number;
  timeouts: { connect: number };
  cache: { maxTtlMs: number; opTimeoutMs: number };
  regions: Region[];
}

const REGIONS = [
  { id: "us-east-1", geo: "US" },
  { id: "eu-west-1", geo: "EU" },
  { id: "ap-southeast-1", geo: "APAC" },
] as const;

const SUFFIXES = ["a", "b"] as const;

// dev points at six loopback ports (what `@org/cache-client/testing` starts); staging and prod
// follow the internal DNS naming and are meant to be replaced by ORG_REGIONS or the config file.
function topology(url: (regionIndex: number, clusterIndex: number, clusterId: string) => string): Region[] {
  return REGIONS.map((region, r) => ({
    id: region.id,
    geo: region.geo,
    clusters: SUFFIXES.map((suffix, c) => {
      const id = `${region.id}-${suffix}`;
      return { id, url: url(r, c, id), mode: "standalone" as const };
    }),
  }));
}

export const PROFILES: Record<Environment, Profile> = {
  dev: {
    TIMEOUT: 5_000,
    timeouts: { connect: 2_000 },
    cache: { maxTtlMs: 300_000, opTimeoutMs: 250 },
    regions: topology((r, c) => `redis://127.0.0.1:${6380 + r * 2 + c}`),
  },
  staging: {
    TIMEOUT: 30_000,
    timeouts: { connect: 10_000 },
    cache: { maxTtlMs: 300_000, opTimeoutMs: 1_000 },
    regions: topology((_r, _c, id) => `rediss://${id}.redis.staging.org.internal:6380`),
  },
  prod: {
    TIMEOUT: 60_000,
    timeouts: { connect: 10_000 },
    cache: { maxTtlMs: 300_000, opTimeoutMs: 1_000 },
    regions: topology((_r, _c, id) => `rediss://${id}.redis.prod.org.internal:6380`),
  },
};
