import type { Cluster as TopologyCluster } from "@org/config";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { reconnectPolicy, retryDelay } from "./retry.ts";
import * as scripts from "./redis-scripts.ts";
import type { TlsOptions } from "./types.ts";

export type Client = Redis | Cluster;
/**
 * An ioredis client with the cache's scripts defined as commands (`orgLease`, `orgInvalidate`, ...).
 * An argument may be an array (the driver flattens it): a list of keys is passed as one array,
 * never spread into the call, whose argument count the stack bounds.
 */
export type Scripted = Client & Record<string, (...args: (string | number | readonly string[])[]) => Promise<unknown>>;

/**
 * Opens one ioredis connection (standalone, or Redis Cluster through its seeds) to a topology
 * cluster, with the cache's scripts defined. No offline queue and no per-request retries: a command
 * to an unreachable cluster fails at once, and reliability lives in the outbox, where it is durable
 * and visible. No driver commandTimeout either: the caller bounds every call (a 20,000-key
 * invalidation gets a longer bound than one key), and a command stays in the driver's queue until
 * the server answers or the connection drops, which the in-flight window counts (`driverQueue`).
 * Commands are written when issued (no auto-pipelining: see below), which is what lets a call's
 * bound start at the end of the turn that issued it. Reconnects follow the one retry policy
 * (`reconnectPolicy`).
 */
export function openClient(
  cluster: TopologyCluster,
  url: string,
  options: { connectTimeoutMs: number; tls?: TlsOptions | undefined },
): Scripted {
  const parsed = new URL(url);
  const common: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs,
    // Off: auto-pipelining holds a command back until the connection's previous batch has been
    // answered, so a process that reads that answer late (its event loop busy for longer than a
    // bound) wrote the command after its bound was over and blamed a cluster that answered at once
    // (issue 8, item 9). Written when issued, a command's bound starts after it is on the socket.
    enableAutoPipelining: false,
    retryStrategy: (times) => retryDelay(reconnectPolicy(options.connectTimeoutMs), times),
    ...(url.startsWith("rediss://") ? { tls: { ...options.tls } } : {}),
  };
  let client: Scripted;
  if (cluster.mode === "cluster") {
    const seeds = [url, ...(cluster.seeds ?? [])].map((seed) => {
      const u = new URL(seed);
      return { host: u.hostname, port: Number(u.port || 6379) };
    });
    client = new Cluster(seeds, {
      enableOfflineQueue: false,
      enableAutoPipelining: false,
      clusterRetryStrategy: common.retryStrategy,
      redisOptions: {
        ...common,
        ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
        ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      },
    }) as Scripted;
  } else {
    client = new Redis(url, common) as Scripted;
  }
  client.defineCommand("orgLease", { numberOfKeys: 1, lua: scripts.LEASE });
  client.defineCommand("orgFill", { numberOfKeys: 2, lua: scripts.FILL });
  client.defineCommand("orgInvalidate", { lua: scripts.INVALIDATE });
  client.defineCommand("orgDeliverBatch", { lua: scripts.DELIVER_BATCH });
  client.defineCommand("orgDeliverChunk", { lua: scripts.DELIVER_CHUNK });
  client.defineCommand("orgInvalidateKey", {
    numberOfKeys: 2,
    lua: scripts.INVALIDATE_KEY,
  });
  client.defineCommand("orgHoldLease", {
    numberOfKeys: 1,
    lua: scripts.HOLD_LEASE,
  });
  client.defineCommand("orgReleaseLease", {
    numberOfKeys: 1,
    lua: scripts.RELEASE_LEASE,
  });
  return client;
}

/**
 * Resolves when `client` is ready; rejects when it ends, fails (with `clean(error)`: the first
 * connection's own failure, refused, WRONGPASS or a bad certificate, names the cause), or is not
 * ready within `ms`.
 */
export function whenReady(client: Client, ms: number, what: string, clean: (error: Error) => Error): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  if (client.status === "end") return Promise.reject(new Error("connection is closed"));
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      client.off("end", onEnd);
      client.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const onEnd = () => done(new Error("connection ended"));
    const onError = (error: Error) => done(clean(error));
    const timer = setTimeout(() => done(new Error(`not connected within ${ms} ms (${what})`)), ms);
    timer.unref();
    client.once("ready", onReady);
    client.once("end", onEnd);
    client.once("error", onError);
  });
}

/** Commands an ioredis client holds: written and awaiting a reply (its offline queue is off). */
export function driverQueue(client: Client): number {
  if (client instanceof Cluster) return client.nodes().reduce((n, node) => n + driverQueue(node), 0);
  return client.commandQueue.length;
}
