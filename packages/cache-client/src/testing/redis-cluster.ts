import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { config } from "@org/config";
import { canListen, ephemeralLow, freePort } from "@org/test-kit/ports";
import { RedisProcess, requireRedisServer } from "./redis-process.ts";

/** A real Redis Cluster of `nodes` masters on loopback (`redis-server --cluster-enabled yes`). */
export interface LocalRedisCluster {
  /** Seed node URLs; the first is the topology cluster's `url`, the rest its `seeds`. */
  readonly urls: string[];
  stop(): Promise<void>;
}

export interface LocalRedisClusterOptions {
  /** Path of redis-server. @default $REDIS_SERVER or the PATH */
  redisServer?: string;
}

/**
 * Starts a Redis Cluster of `nodes` masters on free loopback ports. If any node fails to start,
 * every node already started is stopped before the promise rejects: nothing is left running.
 * @example
 * const cluster = await startLocalRedisCluster(3);
 * const [url, ...seeds] = cluster.urls; // { id, url, mode: "cluster", seeds }
 */
export async function startLocalRedisCluster(
  nodes = 3,
  options: LocalRedisClusterOptions = {},
): Promise<LocalRedisCluster> {
  const binary = options.redisServer ?? requireRedisServer();
  const dir = mkdtempSync(join(tmpdir(), "org-redis-cluster-"));
  const servers: RedisProcess[] = [];
  const taken = new Set<number>();
  try {
    for (let i = 0; i < nodes; i++) {
      const port = await clusterPort(taken);
      servers.push(
        new RedisProcess(binary, {
          port,
          dir,
          args: [
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            `nodes-${port}.conf`,
            "--cluster-node-timeout",
            "2000",
          ],
        }),
      );
    }
    await Promise.all(servers.map((s) => s.start()));
    const addresses = servers.map((s) => `127.0.0.1:${s.options.port}`);
    const created = spawnSync(
      "redis-cli",
      ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"],
      {
        encoding: "utf8",
      },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    // The cluster is usable once every node agrees that all slots are served.
    const deadline = Date.now() + config.timeouts.connect * 10;
    for (const server of servers) {
      const client = new Redis(server.options.port, "127.0.0.1", { maxRetriesPerRequest: 0 });
      try {
        while (!(await client.cluster("INFO")).includes("cluster_state:ok")) {
          if (Date.now() > deadline) throw new Error("Redis Cluster did not reach cluster_state:ok");
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        client.disconnect();
      }
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    urls: servers.map((s) => `redis://127.0.0.1:${s.options.port}`),
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The cluster bus listens on port + 10000: a node's port must leave that free and clash with no other node's. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await freePort();
    const bus = port + 10_000;
    if (bus >= ephemeralLow() || taken.has(port) || taken.has(bus) || !(await canListen(bus))) continue;
    taken.add(port);
    taken.add(bus);
    return port;
  }
}
