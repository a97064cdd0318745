import type { Topology } from "@org/config";
import type { CreateStore } from "../cache.ts";
import { ClusterFailure } from "../failures.ts";
import type { ClusterStore, DeliveryOutcome, OutboxEntry, OutboxRow, StoreContext } from "../store.ts";

/**
 * An in-memory stand-in for a topology's Redis clusters: for the demo on a machine without
 * redis-server and for unit tests on fake timers, never for production (it lives and dies with the
 * process). It passes the same contract suite as the Redis store. `partition` makes a cluster hang
 * like a SIGSTOPped server; `restart` empties it like a restart without persistence.
 */
export interface MemoryRegions {
  createStore: CreateStore;
  partition(clusterId: string): void;
  heal(clusterId: string): void;
  /** Loses everything, like a restart without persistence or FLUSHALL. */
  restart(clusterId: string): void;
  /** What a cluster holds for a key's value, bypassing the cache. */
  peek(clusterId: string, key: string): string | undefined;
  /** Entries in a cluster's outbox (of the namespace, default `org:cache`). */
  outboxLength(clusterId: string, namespace?: string): number;
}

export function memoryRegions(topology: Topology): MemoryRegions {
  const clusters = new Map<string, MemoryStore>();
  for (const region of topology.regions) for (const c of region.clusters) clusters.set(c.id, new MemoryStore(c.id));
  const find = (id: string) => {
    const store = clusters.get(id);
    if (!store) throw new Error(`no cluster "${id}" in the topology (have: ${[...clusters.keys()].join(", ")})`);
    return store;
  };
  return {
    createStore: (cluster, context) => find(cluster.id).connect(context),
    partition: (id) => void (find(id).partitioned = true),
    heal: (id) => void (find(id).partitioned = false),
    restart: (id) => find(id).reset(),
    peek: (id, key) => find(id).peek(key),
    outboxLength: (id, namespace = "org:cache") => find(id).stream(`${namespace}:outbox`).length,
  };
}

interface Item {
  value: string;
  expiresAt: number;
}

/** One in-memory cluster; every cache instance connected to it shares its data. */
class MemoryStore {
  partitioned = false;
  data = new Map<string, Item>();
  hashes = new Map<string, Map<string, string>>();
  /** Streams by name (`<ns>:outbox`, `<ns>:dead`): like Redis keys, one per namespace. */
  streams = new Map<string, OutboxRow[]>();
  private lastMs = 0;
  private sequence = 0;

  constructor(readonly id: string) {}

  reset(): void {
    this.data = new Map();
    this.hashes = new Map();
    this.streams = new Map();
  }

  stream(name: string): OutboxRow[] {
    let found = this.streams.get(name);
    if (!found) this.streams.set(name, (found = []));
    return found;
  }

  setStream(name: string, rows: OutboxRow[]): void {
    this.streams.set(name, rows);
  }

  peek(key: string): string | undefined {
    return [...this.data.entries()].find(([name]) => name.endsWith(`{${key}}`))?.[1].value;
  }

  /** A stream id like Redis': the wall clock in ms, then a sequence; never going backwards. */
  nextStreamId(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.sequence = 0;
    } else this.sequence++;
    return `${this.lastMs}-${this.sequence}`;
  }

  read(name: string): string | null {
    const item = this.data.get(name);
    if (!item) return null;
    if (item.expiresAt <= Date.now()) {
      this.data.delete(name);
      return null;
    }
    return item.value;
  }

  write(name: string, value: string, ttlMs: number | undefined): void {
    this.data.set(name, { value, expiresAt: ttlMs === undefined ? Infinity : Date.now() + ttlMs });
  }

  hash(name: string): Map<string, string> {
    let found = this.hashes.get(name);
    if (!found) this.hashes.set(name, (found = new Map()));
    return found;
  }

  connect(context: StoreContext): ClusterStore {
    return new MemoryConnection(this, context);
  }
}

class MemoryConnection implements ClusterStore {
  readonly id: string;
  private closed = false;
  private hung = 0;

  constructor(
    private readonly cluster: MemoryStore,
    private readonly context: StoreContext,
  ) {
    this.id = cluster.id;
  }

  /** Like a driver's queue: calls sent to the cluster while it hangs stay unanswered until it heals. */
  unanswered(): number {
    if (!this.cluster.partitioned) this.hung = 0;
    return this.hung;
  }

  // A partitioned cluster answers nothing; like Redis' command timeout, the call fails after opTimeoutMs.
  private answer<T>(value: () => T): Promise<T> {
    if (this.closed)
      return Promise.reject(new ClusterFailure(this.id, "unavailable", `${this.id}: connection is closed`));
    if (!this.cluster.partitioned) return Promise.resolve().then(value);
    this.hung++;
    const { opTimeoutMs } = this.context;
    return new Promise<T>((_, reject) => {
      const timer = setTimeout(
        () => reject(new ClusterFailure(this.id, "timeout", `${this.id}: timed out`)),
        opTimeoutMs,
      );
      timer.unref?.();
    });
  }

  private apply(entry: OutboxEntry, token: string): void {
    const { layout, retentionMs } = this.context;
    for (const key of entry.keys) {
      this.cluster.data.delete(layout.value(key));
      this.cluster.write(layout.generation(key), token, retentionMs);
    }
    this.cluster.write(layout.applied(entry.id), "1", retentionMs);
  }

  private now(): number {
    return Date.now();
  }

  get(key: string) {
    return this.answer(() => this.cluster.read(this.context.layout.value(key)));
  }

  readFenced(key: string) {
    return this.answer(() => ({ value: this.cluster.read(this.context.layout.value(key)), ...this.stampsNow() }));
  }

  stamps() {
    return this.answer(() => this.stampsNow());
  }

  private stampsNow() {
    const swept = Object.fromEntries([...this.cluster.hash(this.context.layout.swept)].map(([k, v]) => [k, Number(v)]));
    return { now: this.now(), swept };
  }

  lease(key: string, fresh: string) {
    const { layout, retentionMs } = this.context;
    return this.answer(() => {
      const current = this.cluster.read(layout.generation(key));
      if (current !== null) return current;
      this.cluster.write(layout.generation(key), fresh, retentionMs);
      return fresh;
    });
  }

  fill(key: string, payload: string, ttlMs: number, expected: string | undefined) {
    const { layout } = this.context;
    return this.answer(() => {
      if (expected !== undefined && this.cluster.read(layout.generation(key)) !== expected) return false;
      this.cluster.write(layout.value(key), payload, ttlMs);
      return true;
    });
  }

  invalidate(entry: OutboxEntry, token: string) {
    return this.answer(() => {
      const streamId = this.cluster.nextStreamId();
      this.cluster.stream(this.context.layout.outbox).push({ streamId, entry: structuredClone(entry) });
      this.apply(entry, token);
      return streamId;
    });
  }

  deliver(entries: OutboxEntry[], token: string) {
    return this.answer(() =>
      entries.map((entry, i): DeliveryOutcome => {
        if (this.cluster.read(this.context.layout.applied(entry.id)) !== null) return "already";
        this.apply(entry, `${token}.${i}`);
        return "applied";
      }),
    );
  }

  readOutbox(after: string, count: number) {
    return this.answer(() => {
      const outbox = this.cluster.stream(this.context.layout.outbox);
      const start = after === "-" ? 0 : outbox.findIndex((row) => compare(row.streamId, after) > 0);
      return start < 0 ? [] : outbox.slice(start, start + count).map((row) => ({ ...row }));
    });
  }

  retire(streamIds: string[]) {
    return this.answer(() => {
      const gone = new Set(streamIds);
      const { outbox } = this.context.layout;
      this.cluster.setStream(
        outbox,
        this.cluster.stream(outbox).filter((row) => !gone.has(row.streamId)),
      );
      const attempts = this.cluster.hash(this.context.layout.attempts);
      for (const id of streamIds) attempts.delete(id);
    });
  }

  countAttempt(streamId: string) {
    return this.answer(() => {
      const attempts = this.cluster.hash(this.context.layout.attempts);
      const count = Number(attempts.get(streamId) ?? 0) + 1;
      attempts.set(streamId, String(count));
      return count;
    });
  }

  deadLetter(row: OutboxRow, target: string, reason: string) {
    return this.answer(() => {
      const { outbox, dead } = this.context.layout;
      this.cluster.stream(dead).push({ ...row, malformed: `${target}: ${reason}` });
      this.cluster.setStream(
        outbox,
        this.cluster.stream(outbox).filter((r) => r.streamId !== row.streamId),
      );
      this.cluster.hash(this.context.layout.attempts).delete(row.streamId);
    });
  }

  deadLetterCount() {
    return this.answer(() => this.cluster.stream(this.context.layout.dead).length);
  }

  markSwept(source: string, at: number) {
    return this.answer(() => void this.cluster.hash(this.context.layout.swept).set(source, String(at)));
  }

  holdLease(name: string, owner: string, ttlMs: number) {
    const key = this.context.layout.lease(name);
    return this.answer(() => {
      const current = this.cluster.read(key);
      if (current !== null && current !== owner) return false;
      this.cluster.write(key, owner, ttlMs);
      return true;
    });
  }

  releaseLease(name: string, owner: string) {
    const key = this.context.layout.lease(name);
    return this.answer(() => {
      if (this.cluster.read(key) === owner) this.cluster.data.delete(key);
    });
  }

  close() {
    this.closed = true;
  }
}

function compare(a: string, b: string): number {
  const [am, as] = a.split("-").map(Number) as [number, number];
  const [bm, bs] = b.split("-").map(Number) as [number, number];
  return am - bm || as - bs;
}
