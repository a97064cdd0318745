import { connectionUrl, redactUrl, type Cluster as TopologyCluster } from "@org/config";
import type { Redis } from "ioredis";
import { withTimeout } from "./clock.ts";
import { ClusterFailure, sanitize } from "./failures.ts";
import { answerBound } from "./invalidation.ts";
import { driverQueue, openClient, whenReady, type Scripted } from "./redis-connection.ts";
import { sendDeliveries, sendInvalidation } from "./redis-invalidation.ts";
import { parseRow, entryFields } from "./outbox-format.ts";
import * as scripts from "./redis-scripts.ts";
import type { ClusterStore, OutboxEntry, OutboxRow, StoreContext } from "./store.ts";

export interface RedisStoreOptions extends StoreContext {
  connectTimeoutMs: number;
}

const DEAD_LETTERS_KEPT = 10_000;
/** Stream ids per XDEL/HDEL. */
const RETIRE_PER_COMMAND = 1_000;

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
    this.clustered = cluster.mode === "cluster";
    const connect = () => openClient(cluster, url, options);
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
    // The first connection waits up to the connect timeout (not a call's opTimeoutMs), ready check
    // and script load together: a cluster that hangs right after answering the ready check must not
    // hold every call on it until it answers again (the fault soak's seed 2 hang).
    this.initial = withTimeout(
      whenReady(this.client, options.connectTimeoutMs, "connect timeout", (error) =>
        sanitize(this.id, error, this.secrets),
      ).then(() => this.loadScripts()),
      options.connectTimeoutMs,
      () => "the first connection (ready check and script load)",
    ).finally(() => (this.initial = undefined));
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
    // Not sent: the cluster is unavailable to this process (a dropped connection that closed
    // without an error, or a reconnect that has not finished), never a success of the cluster.
    throw (
      this.lastError ??
      new ClusterFailure(this.id, "unavailable", `${this.id}: not connected (the connection is ${status}); not sent`)
    );
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
    await whenReady(this.bulk, this.options.opTimeoutMs, "the bulk connection", (error) => error);
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
    return {
      now,
      swept: Object.fromEntries(Object.entries(swept).map(([k, v]) => [k, Number(v)])),
    };
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
    const { layout, retentionMs, opTimeoutMs } = this.options;
    return this.run(
      () => sendInvalidation(this.client, this.clustered, { layout, retentionMs }, entry, token),
      answerBound(opTimeoutMs, entry.keys.length),
    );
  }

  deliver(entries: OutboxEntry[], token: string) {
    const { layout, retentionMs, opTimeoutMs } = this.options;
    const keyCount = entries.reduce((n, e) => n + e.keys.length, 0);
    return this.runBulk(
      (bulk) =>
        sendDeliveries(bulk, this.clustered, { layout, retentionMs }, entries, token, (error) =>
          sanitize(this.id, error, this.secrets),
        ),
      answerBound(opTimeoutMs, keyCount),
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
      // Bounded commands: an outbox can have 100,000+ moot entries to retire at once.
      for (let at = 0; at < streamIds.length; at += RETIRE_PER_COMMAND) {
        const ids = streamIds.slice(at, at + RETIRE_PER_COMMAND);
        await Promise.all([this.client.xdel(layout.outbox, ...ids), this.client.hdel(layout.attempts, ...ids)]);
      }
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
        ...Object.entries({
          ...fields,
          streamId: row.streamId,
          target,
          reason,
        }).flat(),
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
