import { connectionUrl, redactUrl, type Cluster as TopologyCluster } from "@org/config";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { withTimeout } from "./clock.ts";
import { ClusterFailure, sanitize } from "./failures.ts";
import { answerBound } from "./invalidation.ts";
import { reconnectPolicy, retryDelay } from "./retry.ts";
import { parseRow, entryFields } from "./outbox-format.ts";
import type { KeyLayout } from "./keys.ts";
import * as scripts from "./redis-scripts.ts";
import type { ClusterStore, DeliveryOutcome, OutboxEntry, OutboxRow, StoreContext } from "./store.ts";

type Client = Redis | Cluster;
type Scripted = Client & Record<string, (...args: (string | number)[]) => Promise<unknown>>;

export interface RedisStoreOptions extends StoreContext {
  connectTimeoutMs: number;
}

const DEAD_LETTERS_KEPT = 10_000;

/**
 * INVALIDATE's KEYS, built once per invalidation and shared by every cluster it is sent to (a
 * 20,000-key invalidation is 40,002 names; building them six times was most of its client time).
 */
const keysOf = new WeakMap<OutboxEntry, { layout: KeyLayout; keys: string[] }>();
function invalidationKeys(entry: OutboxEntry, layout: KeyLayout): string[] {
  const known = keysOf.get(entry);
  if (known?.layout === layout) return known.keys;
  const keys = [layout.applied(entry.id), layout.outbox];
  for (const k of entry.keys) keys.push(layout.value(k), layout.generation(k));
  keysOf.set(entry, { layout, keys });
  return keys;
}

/** A topology cluster served by real Redis (standalone or Redis Cluster) through ioredis. */
export class RedisStore implements ClusterStore {
  readonly id: string;
  private readonly client: Scripted;
  private readonly bulk: Scripted;
  private readonly clustered: boolean;
  private readonly secrets: string[];
  /** The connection's last error: what a call on a broken connection reports as its cause. */
  private lastError: Error | undefined;
  private initial: Promise<void> | undefined;
  private closed = false;

  constructor(
    cluster: TopologyCluster,
    private readonly options: RedisStoreOptions,
  ) {
    this.id = cluster.id;
    const url = connectionUrl(cluster);
    const parsed = new URL(url);
    this.secrets = [parsed.password, decodeURIComponent(parsed.password), url].filter((s) => s.length > 0);
    const secure = url.startsWith("rediss://");
    // No offline queue and no per-request retries: a command to an unreachable cluster fails at
    // once, and reliability lives in the outbox, where it is durable and visible. No driver
    // commandTimeout either: the caller bounds every call (a 20,000-key invalidation gets a longer
    // bound than one key), and a command stays counted in flight until the server answers or the
    // connection drops, so the in-flight cap bounds what the driver holds for a hung cluster.
    const common: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: options.connectTimeoutMs,
      enableAutoPipelining: true,
      retryStrategy: (times) => retryDelay(reconnectPolicy(options.connectTimeoutMs), times),
      ...(secure ? { tls: { ...options.tls } } : {}),
    };
    this.clustered = cluster.mode === "cluster";
    const connect = (): Scripted => {
      let client: Scripted;
      if (this.clustered) {
        const seeds = [url, ...(cluster.seeds ?? [])].map((seed) => {
          const u = new URL(seed);
          return { host: u.hostname, port: Number(u.port || 6379) };
        });
        client = new Cluster(seeds, {
          enableOfflineQueue: false,
          enableAutoPipelining: true,
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
      client.defineCommand("orgInvalidateKey", { numberOfKeys: 2, lua: scripts.INVALIDATE_KEY });
      client.defineCommand("orgHoldLease", { numberOfKeys: 1, lua: scripts.HOLD_LEASE });
      client.defineCommand("orgReleaseLease", { numberOfKeys: 1, lua: scripts.RELEASE_LEASE });
      return client;
    };
    this.client = connect();
    // The relay's bulk work (pages of deliveries, outbox reads) has its own connection, so a
    // caller's invalidate or get never queues behind it on one socket.
    this.bulk = connect();
    this.bulk.on("error", () => {});
    const redacted = redactUrl(cluster.url);
    this.client.on("ready", () => {
      this.lastError = undefined;
      options.onReady?.(this.id);
    });
    this.initial = this.firstConnection()
      .then(() => this.loadScripts())
      .finally(() => (this.initial = undefined));
    this.initial.catch(() => {});
    this.client.on("error", (error: unknown) => {
      const clean = sanitize(this.id, error, this.secrets);
      this.lastError = clean;
      clean.message = `${clean.message} (${redacted})`;
      options.onError(this.id, clean);
    });
  }

  // Part of connecting (bounded by the connect timeout, not by a call's opTimeoutMs): the first
  // call then runs EVALSHA at once instead of paying NOSCRIPT and a full EVAL on a cold server.
  private async loadScripts(): Promise<void> {
    if (this.clustered) return;
    await Promise.all(Object.values(scripts).map((lua) => (this.client as Redis).script("LOAD", lua)));
  }

  connecting(): Promise<void> | undefined {
    return this.initial;
  }

  // Without an offline queue a command sent before the first connection fails at once; so calls
  // wait for that first connection (bounded by the connect timeout). A cluster that was connected
  // and dropped fails fast instead: it is down, and its invalidations go to the outbox.
  private async ready(): Promise<void> {
    const status = this.client.status;
    if (status === "ready") return;
    if (this.initial) return this.initial;
    throw this.lastError ?? new Error(`connection is ${status}`);
  }

  private firstConnection(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.client.off("ready", onReady);
        this.client.off("end", onEnd);
        this.client.off("error", onError);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onEnd = () => done(new Error("connection ended"));
      // The first connection's own failure (refused, WRONGPASS, a bad certificate) names the cause.
      const onError = (error: Error) => done(sanitize(this.id, error, this.secrets));
      const timer = setTimeout(
        () => done(new Error(`not connected within ${this.options.connectTimeoutMs} ms (connect timeout)`)),
        this.options.connectTimeoutMs,
      );
      timer.unref();
      this.client.once("ready", onReady);
      this.client.once("end", onEnd);
      this.client.once("error", onError);
    });
  }

  /**
   * Commands the driver holds for this cluster on both connections: written and not answered yet,
   * also those whose caller stopped waiting (a driver keeps them until the reply or the
   * connection's end). The in-flight window counts them, so a hung cluster cannot grow memory.
   */
  unanswered(): number {
    return driverQueue(this.client) + driverQueue(this.bulk);
  }

  /**
   * Sends `send` through the driver, bounded by `boundMs` (the answer-time rule: a call on many keys
   * gets longer; like every bound it starts once the command is written, `withTimeout`). There is
   * no driver commandTimeout: it would end the wait at one fixed bound for every command, and a
   * command it gives up on stays queued in the driver anyway (`unanswered`).
   */
  private bounded<T>(boundMs: number, send: () => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(new ClusterFailure(this.id, "unavailable", `${this.id}: this connection was closed`));
    }
    let sent: Promise<T>;
    try {
      sent = send();
    } catch (error) {
      sent = Promise.reject(error as Error);
    }
    return withTimeout(sent, boundMs, () => "the command").catch((error: unknown) => {
      sent.catch(() => {});
      return Promise.reject(sanitize(this.id, error, this.secrets));
    });
  }

  // The wait for a connection that is not ready yet (the first one: the connect timeout) comes
  // before the command's own bound, so a cold start is not reported as a slow cluster.
  private async run<T>(op: () => Promise<T>, boundMs = this.options.opTimeoutMs): Promise<T> {
    if (this.client.status !== "ready" && !this.closed) {
      try {
        await this.ready();
      } catch (error) {
        throw sanitize(this.id, error, this.secrets);
      }
    }
    return this.bounded(boundMs, op);
  }

  /** Runs relay work on the bulk connection, once it is ready (its first ready waits up to opTimeoutMs). */
  private async runBulk<T>(op: (client: Scripted) => Promise<T>, boundMs = this.options.opTimeoutMs): Promise<T> {
    if (!this.closed) {
      try {
        await this.bulkReady();
      } catch (error) {
        throw sanitize(this.id, error, this.secrets);
      }
    }
    return this.bounded(boundMs, () => op(this.bulk));
  }

  private async bulkReady(): Promise<void> {
    if (this.client.status !== "ready") await this.ready();
    if (this.bulk.status === "ready") return;
    if (this.bulk.status === "end") throw new Error("connection is closed");
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not connected within ${this.options.opTimeoutMs} ms`)),
        this.options.opTimeoutMs,
      );
      timer.unref();
      this.bulk.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get(key: string): Promise<string | null> {
    // The hot path: one GET, bounded like every command (`bounded`).
    const name = this.options.layout.value(key);
    return this.run(() => this.client.get(name));
  }

  readFenced(key: string) {
    return this.run(async () => {
      const [value, stamps] = await Promise.all([this.client.get(this.options.layout.value(key)), this.readStamps()]);
      return { value, ...stamps };
    });
  }

  stamps() {
    return this.run(() => this.readStamps());
  }

  private async readStamps() {
    const [[seconds, micros], swept] = await Promise.all([
      this.client.time() as Promise<[number | string, number | string]>,
      this.client.hgetall(this.options.layout.swept),
    ]);
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return { now, swept: Object.fromEntries(Object.entries(swept).map(([k, v]) => [k, Number(v)])) };
  }

  lease(key: string, fresh: string) {
    const { layout, retentionMs } = this.options;
    return this.run(async () => String(await this.client.orgLease!(layout.generation(key), fresh, retentionMs)));
  }

  fill(key: string, payload: string, ttlMs: number, expected: string | undefined) {
    const { layout } = this.options;
    return this.run(
      async () =>
        (await this.client.orgFill!(
          layout.value(key),
          layout.generation(key),
          payload,
          ttlMs,
          expected === undefined ? "0" : "1",
          expected ?? "",
        )) === 1,
    );
  }

  invalidate(entry: OutboxEntry, token: string) {
    const { layout, retentionMs } = this.options;
    return this.run(
      async () => {
        const fields = entryFields(entry);
        if (!this.clustered) {
          const keys = invalidationKeys(entry, layout);
          return String(
            await this.client.orgInvalidate!(
              keys.length,
              ...keys,
              retentionMs,
              token,
              fields.id,
              fields.keys,
              fields.at,
              fields.targets,
            ),
          );
        }
        // Redis Cluster: the keys live on different nodes, so no transaction spans them. The outbox
        // entry goes first (so a failure part-way is retried by the relay) and the applied marker last
        // (so "applied" is never said of a half-done invalidation).
        const streamId = await this.client.xadd(layout.outbox, "*", ...Object.entries(fields).flat());
        await Promise.all(
          entry.keys.map((k) =>
            this.client.orgInvalidateKey!(layout.value(k), layout.generation(k), retentionMs, token),
          ),
        );
        await this.client.set(layout.applied(entry.id), "1", "PX", retentionMs);
        return streamId!;
      },
      answerBound(this.options.opTimeoutMs, entry.keys.length),
    );
  }

  deliver(entries: OutboxEntry[], token: string) {
    const { layout, retentionMs } = this.options;
    const bound = answerBound(
      this.options.opTimeoutMs,
      entries.reduce((n, e) => n + e.keys.length, 0),
    );
    if (!this.clustered) {
      // Standalone: the whole page is one DELIVER_BATCH script, one command and one round trip.
      return this.runBulk(async (bulk): Promise<DeliveryOutcome[]> => {
        if (entries.length === 0) return [];
        const keys = entries.flatMap((entry) => [
          layout.applied(entry.id),
          ...entry.keys.flatMap((k) => [layout.value(k), layout.generation(k)]),
        ]);
        const counts = entries.map((entry) => entry.keys.length);
        const results = (await bulk.orgDeliverBatch!(keys.length, ...keys, retentionMs, token, ...counts)) as unknown[];
        return results.map((result): DeliveryOutcome => {
          if (result === 1) return "applied";
          if (result === 0) return "already";
          return { error: sanitize(this.id, new Error(String(result).replace(/^E:/, "")), this.secrets) };
        });
      }, bound);
    }
    // Redis Cluster: an entry's keys live on several nodes; its commands are pipelined per node.
    return this.runBulk(
      (bulk) =>
        Promise.all(
          entries.map(async (entry, i): Promise<DeliveryOutcome> => {
            try {
              if ((await bulk.exists(layout.applied(entry.id))) === 1) return "already";
              const fresh = `${token}.${i + 1}`;
              await Promise.all(
                entry.keys.map((k) =>
                  bulk.orgInvalidateKey!(layout.value(k), layout.generation(k), retentionMs, fresh),
                ),
              );
              await bulk.set(layout.applied(entry.id), "1", "PX", retentionMs);
              return "applied";
            } catch (error) {
              return { error: sanitize(this.id, error, this.secrets) };
            }
          }),
        ),
      bound,
    );
  }

  readOutbox(after: string, count: number) {
    return this.runBulk(async (bulk) => {
      const rows = await bulk.xrange(
        this.options.layout.outbox,
        after === "-" ? "-" : `(${after}`,
        "+",
        "COUNT",
        count,
      );
      return rows.map(([streamId, fields]): OutboxRow => parseRow(streamId, fields));
    });
  }

  retire(streamIds: string[]) {
    const { layout } = this.options;
    return this.run(async () => {
      if (streamIds.length === 0) return;
      await Promise.all([
        this.client.xdel(layout.outbox, ...streamIds),
        this.client.hdel(layout.attempts, ...streamIds),
      ]);
    });
  }

  countAttempt(streamId: string, _target: string) {
    return this.run(() => this.client.hincrby(this.options.layout.attempts, streamId, 1));
  }

  deadLetter(row: OutboxRow, target: string, reason: string) {
    const { layout } = this.options;
    return this.run(async () => {
      const fields = row.entry ? entryFields(row.entry) : {};
      await this.client.xadd(
        layout.dead,
        "MAXLEN",
        "~",
        DEAD_LETTERS_KEPT,
        "*",
        ...Object.entries({ ...fields, streamId: row.streamId, target, reason }).flat(),
      );
      await Promise.all([
        this.client.xdel(layout.outbox, row.streamId),
        this.client.hdel(layout.attempts, row.streamId),
      ]);
    });
  }

  deadLetterCount() {
    return this.run(() => this.client.xlen(this.options.layout.dead));
  }

  markSwept(source: string, at: number) {
    return this.run(async () => void (await this.client.hset(this.options.layout.swept, source, String(at))));
  }

  holdLease(name: string, owner: string, ttlMs: number) {
    return this.run(async () => (await this.client.orgHoldLease!(this.options.layout.lease(name), owner, ttlMs)) === 1);
  }

  releaseLease(name: string, owner: string) {
    return this.run(async () => void (await this.client.orgReleaseLease!(this.options.layout.lease(name), owner)));
  }

  close() {
    this.closed = true;
    // disconnect(), not quit(): quit waits for a reply a hung server never sends.
    this.client.disconnect();
    this.bulk.disconnect();
  }
}

/** Commands an ioredis client holds: written and awaiting a reply (its offline queue is off). */
function driverQueue(client: Client): number {
  if (client instanceof Cluster) return client.nodes().reduce((n, node) => n + driverQueue(node), 0);
  return client.commandQueue.length;
}
