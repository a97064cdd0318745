import type { Region, Topology } from "@org/config";
import { freePort, RedisProcess, requireRedisServer } from "./redis-process.ts";

export interface LocalRegionsOptions {
  /**
   * The regions to start, each with its clusters.
   * @default us-east-1 (US), eu-west-1 (EU), ap-southeast-1 (APAC), two clusters each
   */
  regions?: { id: string; geo: string; clusters?: number }[];
  /** Require this password (AUTH) on every server. */
  password?: string;
  /** Path of redis-server. @default $REDIS_SERVER or the PATH */
  redisServer?: string;
}

/** Six (by default) real `redis-server` processes on loopback, and controls to break them. */
export interface LocalRegions {
  readonly topology: Topology;
  /** Cluster ids, in topology order. */
  readonly clusterIds: string[];
  /** Port of a cluster's server. */
  port(clusterId: string): number;
  /** The cluster stops answering (SIGSTOP): commands hang until `heal`. */
  partition(clusterId: string): void;
  heal(clusterId: string): void;
  /** The server dies: connections are refused until `restart`. Its data is gone. */
  kill(clusterId: string): Promise<void>;
  restart(clusterId: string): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_REGIONS = [
  { id: "us-east-1", geo: "US" },
  { id: "eu-west-1", geo: "EU" },
  { id: "ap-southeast-1", geo: "APAC" },
];

/**
 * Starts a local copy of the production topology on free loopback ports.
 * @example
 * const local = await startLocalRegions();
 * const cache = createRegionalCache({ topology: local.topology, localRegion: "us-east-1" });
 */
export async function startLocalRegions(options: LocalRegionsOptions = {}): Promise<LocalRegions> {
  const binary = options.redisServer ?? requireRedisServer();
  const servers = new Map<string, RedisProcess>();
  const regions: Region[] = [];
  const auth = options.password ? ["--requirepass", options.password] : [];
  try {
    for (const region of options.regions ?? DEFAULT_REGIONS) {
      const clusters = [];
      for (let i = 0; i < ((region as { clusters?: number }).clusters ?? 2); i++) {
        const id = `${region.id}-${String.fromCharCode(97 + i)}`;
        const server = new RedisProcess(binary, { port: await freePort(), args: auth });
        servers.set(id, server);
        const credentials = options.password ? `:${encodeURIComponent(options.password)}@` : "";
        clusters.push({
          id,
          url: `redis://${credentials}127.0.0.1:${server.options.port}`,
          mode: "standalone" as const,
        });
      }
      regions.push({ id: region.id, geo: region.geo, clusters });
    }
    await Promise.all([...servers.values()].map((s) => s.start()));
  } catch (error) {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    throw error;
  }
  const server = (id: string) => {
    const found = servers.get(id);
    if (!found) throw new Error(`no local cluster "${id}" (have: ${[...servers.keys()].join(", ")})`);
    return found;
  };
  return {
    topology: { regions },
    clusterIds: [...servers.keys()],
    port: (id) => server(id).options.port,
    partition: (id) => server(id).pause(),
    heal: (id) => server(id).resume(),
    kill: (id) => server(id).kill(),
    restart: (id) => server(id).start(),
    stop: async () => {
      await Promise.all([...servers.values()].map((s) => s.stop()));
    },
  };
}
