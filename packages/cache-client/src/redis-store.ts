import { connectionUrl, redactUrl, type Cluster as TopologyCluster } from "@org/config";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import type { TlsOptions } from "./cache.ts";
import type { KeyLayout } from "./keys.ts";
import type { ClusterStore, OutboxEntry } from "./store.ts";

const FILL = `
local current = redis.call('GET', KEYS[2]) or ''
if ARGV[3] == '1' and current ~= ARGV[4] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

const INVALIDATE_KEY = `
redis.call('DEL', KEYS[1])
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1`;

type Client = (Redis | Cluster) & {
  orgFill(
    value: string,
    generation: string,
    payload: string,
    ttlMs: number,
    conditional: string,
    expected: string,
  ): Promise<number>;
  orgInvalidateKey(value: string, generation: string, generationTtlMs: number): Promise<number>;
};

export interface RedisStoreOptions {
  layout: KeyLayout;
  tls?: TlsOptions;
  opTimeoutMs: number;
  connectTimeoutMs: number;
  /** How long generations and applied markers live: longer than any entry can. */
  retentionMs: number;
  /** Called with connection errors (already redacted), so they never go unhandled. */
  onError: (clusterId: string, error: Error) => void;
}

/** A topology cluster served by real Redis (standalone or Redis Cluster) through ioredis. */
export class RedisStore implements ClusterStore {
  readonly id: string;
  private readonly client: Client;

  constructor(
    cluster: TopologyCluster,
    private readonly options: RedisStoreOptions,
  ) {
    this.id = cluster.id;
    const url = connectionUrl(cluster);
    const secure = url.startsWith("rediss://");
    // No offline queue and no per-request retries: a command to an unreachable cluster fails
    // at once, and reliability lives in the outbox, where it is durable and visible.
    const common: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.opTimeoutMs,
      connectTimeout: options.connectTimeoutMs,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2_000) * (0.5 + Math.random() / 2),
      ...(secure ? { tls: { ...options.tls } } : {}),
    };
    if (cluster.mode === "cluster") {
      const seeds = [url, ...(cluster.seeds ?? [])].map((seed) => {
        const parsed = new URL(seed);
        return { host: parsed.hostname, port: Number(parsed.port || 6379) };
      });
      const parsed = new URL(url);
      this.client = new Cluster(seeds, {
        enableOfflineQueue: false,
        clusterRetryStrategy: common.retryStrategy,
        redisOptions: {
          ...common,
          ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
          ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
          ...(secure ? { tls: { ...options.tls } } : {}),
        },
      }) as Client;
    } else {
      this.client = new Redis(url, common) as Client;
    }
    this.client.defineCommand("orgFill", { numberOfKeys: 2, lua: FILL });
    this.client.defineCommand("orgInvalidateKey", { numberOfKeys: 2, lua: INVALIDATE_KEY });
    const redacted = redactUrl(cluster.url);
    this.client.on("error", (error: Error) => {
      options.onError(this.id, new Error(`${this.id} (${redacted}): ${scrub(error.message, url)}`, { cause: error }));
    });
  }

  // Without an offline queue a command sent before the first connection fails at once; so wait
  // for that first connection (the caller's opTimeoutMs bounds the wait). A cluster that was
  // connected and dropped fails fast instead: it is down, and its invalidations go to the outbox.
  private async ready(): Promise<void> {
    const status = this.client.status;
    if (status === "ready") return;
    if (status !== "wait" && status !== "connecting" && status !== "connect") {
      throw new Error(`${this.id} is ${status}`);
    }
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.client.off("ready", onReady);
        this.client.off("end", onEnd);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onEnd = () => done(new Error(`${this.id} connection ended`));
      const timer = setTimeout(
        () => done(new Error(`${this.id} not connected within ${this.options.opTimeoutMs} ms`)),
        this.options.opTimeoutMs,
      );
      timer.unref();
      this.client.once("ready", onReady);
      this.client.once("end", onEnd);
    });
  }

  get(key: string): Promise<string | null> {
    // The hot path: one GET, bounded by ioredis' commandTimeout; no timer or async frame of ours.
    const name = this.options.layout.value(key);
    if (this.client.status === "ready") return this.client.get(name);
    return this.ready().then(() => this.client.get(name));
  }

  async generation(key: string) {
    await this.ready();
    return this.client.get(this.options.layout.generation(key));
  }

  async fill(key: string, payload: string, ttlMs: number, expected: string | null | undefined) {
    await this.ready();
    const { layout } = this.options;
    const stored = await this.client.orgFill(
      layout.value(key),
      layout.generation(key),
      payload,
      ttlMs,
      expected === undefined ? "0" : "1",
      expected ?? "",
    );
    return stored === 1;
  }

  async apply(entry: OutboxEntry, record: boolean) {
    await this.ready();
    const { layout, retentionMs } = this.options;
    const fields = [
      "id",
      entry.id,
      "keys",
      JSON.stringify(entry.keys),
      "at",
      String(entry.at),
      "targets",
      JSON.stringify(entry.targets),
    ];
    if (this.client instanceof Redis) {
      // Standalone: one transaction, one round trip; the applied marker is written with the deletes or not at all.
      const transaction = this.client.multi();
      if (record) transaction.xadd(layout.outbox, "*", ...fields);
      for (const key of entry.keys) {
        (transaction as unknown as Client).orgInvalidateKey(layout.value(key), layout.generation(key), retentionMs);
      }
      transaction.set(layout.applied(entry.id), "1", "PX", retentionMs);
      const results = (await transaction.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
      return record ? (results[0]![1] as string) : undefined;
    }
    // Redis Cluster: keys live on different nodes, so no transaction spans them; mark applied
    // only after every key is done, so "applied" is never said of a half-done invalidation.
    const [streamId] = await Promise.all([
      record ? this.client.xadd(layout.outbox, "*", ...fields) : undefined,
      ...entry.keys.map((key) => this.client.orgInvalidateKey(layout.value(key), layout.generation(key), retentionMs)),
    ]);
    await this.client.set(layout.applied(entry.id), "1", "PX", retentionMs);
    return streamId ?? undefined;
  }

  async isApplied(id: string) {
    await this.ready();
    return (await this.client.exists(this.options.layout.applied(id))) === 1;
  }

  async readOutbox(count: number) {
    await this.ready();
    const rows = await this.client.xrange(this.options.layout.outbox, "-", "+", "COUNT", count);
    return rows.flatMap(([streamId, fields]) => {
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
      try {
        const entry: OutboxEntry = {
          id: map.get("id") ?? "",
          keys: JSON.parse(map.get("keys") ?? "[]") as string[],
          at: Number(map.get("at")),
          targets: JSON.parse(map.get("targets") ?? "[]") as string[],
        };
        return entry.id ? [{ streamId, entry }] : [];
      } catch {
        return [];
      }
    });
  }

  async deleteFromOutbox(streamIds: string[]) {
    await this.ready();
    if (streamIds.length > 0) await this.client.xdel(this.options.layout.outbox, ...streamIds);
  }

  close() {
    // disconnect(), not quit(): quit waits for a reply a hung server never sends.
    this.client.disconnect();
  }
}

function scrub(message: string, url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  let out = message;
  for (const secret of [parsed?.password, parsed?.username].filter((s): s is string => !!s)) {
    out = out.split(decodeURIComponent(secret)).join("***");
  }
  return out;
}
