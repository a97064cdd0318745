import type { Topology } from "@org/config";
import type { RegionalCacheOptions, StoreContext } from "../cache.ts";
import type { ClusterStore, OutboxEntry } from "../store.ts";

/**
 * An in-memory stand-in for a region's Redis clusters: for the demo on a machine without
 * redis-server, never for production (it lives and dies with the process). `partition` makes a
 * cluster hang like a SIGSTOPped server.
 */
export interface MemoryRegions {
  createStore: NonNullable<RegionalCacheOptions["createStore"]>;
  partition(clusterId: string): void;
  heal(clusterId: string): void;
  /** What a cluster holds for a key's value, bypassing the cache. */
  peek(clusterId: string, key: string): string | undefined;
}

export function memoryRegions(topology: Topology): MemoryRegions {
  const clusters = new Map<string, MemoryStore>();
  for (const region of topology.regions) for (const c of region.clusters) clusters.set(c.id, new MemoryStore(c.id));
  const find = (id: string) => {
    const store = clusters.get(id);
    if (!store) throw new Error(`no cluster "${id}" in the topology`);
    return store;
  };
  return {
    createStore: (cluster, context) => find(cluster.id).bind(context),
    partition: (id) => void (find(id).partitioned = true),
    heal: (id) => void (find(id).partitioned = false),
    peek: (id, key) => find(id).peek(key),
  };
}

class MemoryStore implements ClusterStore {
  partitioned = false;
  private readonly data = new Map<string, { value: string; expiresAt: number }>();
  private readonly outbox: { streamId: string; entry: OutboxEntry }[] = [];
  private sequence = 0;
  private context: StoreContext | undefined;

  constructor(readonly id: string) {}

  bind(context: StoreContext): this {
    this.context = context;
    return this;
  }

  peek(key: string): string | undefined {
    return this.read0(this.context!.layout.value(key)) ?? undefined;
  }

  // A partitioned cluster answers nothing; like Redis' command timeout, the call fails after opTimeoutMs.
  private answer<T>(value: () => T): Promise<T> {
    if (!this.partitioned) return Promise.resolve().then(value);
    const { opTimeoutMs } = this.context!;
    return new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${this.id} timed out`)), opTimeoutMs));
  }

  get(key: string) {
    return this.answer(() => this.read0(this.context!.layout.value(key)));
  }

  private read0(name: string): string | null {
    const item = this.data.get(name);
    if (!item || item.expiresAt <= Date.now()) return null;
    return item.value;
  }

  generation(key: string) {
    return this.answer(() => this.read0(this.context!.layout.generation(key)));
  }

  fill(key: string, payload: string, ttlMs: number, expected: string | null | undefined) {
    const { layout } = this.context!;
    return this.answer(() => {
      if (expected !== undefined && (this.read0(layout.generation(key)) ?? "") !== (expected ?? "")) return false;
      this.data.set(layout.value(key), { value: payload, expiresAt: Date.now() + ttlMs });
      return true;
    });
  }

  apply(entry: OutboxEntry, record: boolean) {
    const { layout, retentionMs } = this.context!;
    return this.answer(() => {
      let streamId: string | undefined;
      if (record) {
        streamId = `${Date.now()}-${this.sequence++}`;
        this.outbox.push({ streamId, entry });
      }
      for (const key of entry.keys) {
        this.data.delete(layout.value(key));
        const generation = Number(this.read0(layout.generation(key)) ?? "0") + 1;
        this.data.set(layout.generation(key), { value: String(generation), expiresAt: Date.now() + retentionMs });
      }
      this.data.set(layout.applied(entry.id), { value: "1", expiresAt: Date.now() + retentionMs });
      return streamId;
    });
  }

  isApplied(id: string) {
    return this.answer(() => this.read0(this.context!.layout.applied(id)) !== null);
  }

  readOutbox(count: number) {
    return this.answer(() => this.outbox.slice(0, count));
  }

  deleteFromOutbox(streamIds: string[]) {
    return this.answer(() => {
      for (const id of streamIds) {
        const index = this.outbox.findIndex((row) => row.streamId === id);
        if (index >= 0) this.outbox.splice(index, 1);
      }
    });
  }

  close() {}
}
