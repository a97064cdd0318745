import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Topology } from "@org/config";
import { createRegionalCache, type RegionalCache, type RegionalCacheOptions } from "../src/index.ts";
import {
  startLocalRegions,
  writeOutboxBacklog,
  type LocalRegions,
  type LocalRegionsOptions,
  type OutboxBacklog,
} from "../src/testing/index.ts";
import { OP_TIMEOUT_MS, testConfig } from "./profile.ts";

/** Caches opened by a test, closed by `closeAll` in afterEach. */
export function cacheFactory(getLocal: () => LocalRegions) {
  const open: RegionalCache[] = [];
  return {
    open(localRegion = "us-east-1", extra: Partial<RegionalCacheOptions> = {}, topology?: Topology): RegionalCache {
      const cache = createRegionalCache({
        topology: topology ?? getLocal().topology,
        localRegion,
        opTimeoutMs: OP_TIMEOUT_MS,
        maxTtlMs: testConfig.cache.maxTtlMs,
        ...extra,
      });
      open.push(cache);
      return cache;
    },
    async closeAll(): Promise<void> {
      await Promise.all(open.splice(0).map((c) => c.close()));
    },
  };
}

export interface LocalRegionsSuite {
  /** The suite's servers, started in beforeAll (throws if read before it). */
  local(): LocalRegions;
  /** Caches opened by its tests, closed after each test. */
  caches: ReturnType<typeof cacheFactory>;
}

export interface LocalRegionsSuiteOptions {
  /** What to start (the default: six plain servers). */
  start?: LocalRegionsOptions;
  /** After each test, first heal every cluster a test partitioned (so the caches can close). */
  heal?: boolean;
  /**
   * After each test, last FLUSHALL every cluster: outbox entries one test leaves (its relay was
   * off, or a cluster stayed queued) are not the next one's.
   */
  flush?: boolean;
}

/**
 * The set-up of a suite on local Redis processes, with its vitest hooks: the servers start once
 * before all tests and stop after them; after each test the caches it opened close (between a
 * `heal` and a `flush` when asked). Call it inside `describe`. A file's own afterEach hooks,
 * registered after this call, run before this one's (vitest runs after-hooks as a stack).
 */
export function useLocalRegions(options: LocalRegionsSuiteOptions = {}): LocalRegionsSuite {
  let started: LocalRegions | undefined;
  const local = (): LocalRegions => {
    if (!started) throw new Error("useLocalRegions: the servers start in beforeAll; call local() in a test or hook");
    return started;
  };
  const caches = cacheFactory(local);
  beforeAll(async () => {
    started = await startLocalRegions(options.start);
  });
  afterEach(async () => {
    if (!started) return;
    if (options.heal) for (const id of started.clusterIds) started.heal(id);
    await caches.closeAll();
    if (options.flush) await Promise.all(started.clusterIds.map((id) => withRaw(local(), id, (c) => c.flushall())));
  });
  afterAll(() => started?.stop());
  return { local, caches };
}

/** A plain ioredis client on one local cluster, bypassing the cache (the test's own eyes). */
export function rawClient(local: LocalRegions, clusterId: string): Redis {
  const client = new Redis(local.port(clusterId), "127.0.0.1", {
    maxRetriesPerRequest: 0,
    commandTimeout: OP_TIMEOUT_MS * 10,
  });
  client.on("error", () => {});
  return client;
}

export async function withRaw<T>(
  local: LocalRegions,
  clusterId: string,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = rawClient(local, clusterId);
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

export const valueKey = (key: string) => `org:cache:{${key}}`;

/**
 * Writes `backlog` into the outbox of each of `holders`, as INVALIDATE records entries there
 * (applied on the holders unless `applied: false`), with the test profile's retention: what the
 * relay finds after its targets were away. The one way tests build backlogs.
 */
export async function writeBacklog(local: LocalRegions, holders: string[], backlog: OutboxBacklog): Promise<void> {
  for (const holder of holders) {
    await withRaw(local, holder, (client) =>
      writeOutboxBacklog(client, { retentionMs: 2 * testConfig.cache.maxTtlMs, ...backlog }),
    );
  }
}

let n = 0;
/** A key no other test uses. */
export const freshKey = (prefix = "api_key") => `${prefix}:${++n}:${process.pid}:status`;

/** Resolves when `emitter` emits `event` with a payload `match` accepts (bounded by the test timeout). */
export function waitForEvent<T>(cache: RegionalCache, event: "delivered", match: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!match(payload)) return;
      cache.off(event, listener as never);
      resolve(payload);
    };
    cache.on(event, listener as never);
  });
}

/** A topology whose `clusterId` points at another port (e.g. a latency proxy). */
export function rerouted(topology: Topology, clusterId: string, port: number): Topology {
  return {
    regions: topology.regions.map((region) => ({
      ...region,
      clusters: region.clusters.map((c) => (c.id === clusterId ? { ...c, url: `redis://127.0.0.1:${port}` } : c)),
    })),
  };
}

/** A topology without one cluster (an instance deployed with an older topology). */
export function without(topology: Topology, clusterId: string): Topology {
  return {
    regions: topology.regions.map((region) => ({
      ...region,
      clusters: region.clusters.filter((c) => c.id !== clusterId),
    })),
  };
}
