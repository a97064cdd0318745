/** One queued or delivered invalidation, as the outbox holds it. */
export interface OutboxEntry {
  /** Invalidation id. */
  id: string;
  keys: string[];
  /** When the invalidation was issued (ms since the epoch). */
  at: number;
  /** Every cluster it must reach. */
  targets: string[];
}

/**
 * What the cache needs from one cluster. The Redis implementation is the real one; an
 * in-memory one (`@org/cache-client/testing`) serves the demo where no redis-server exists.
 * Every method rejects rather than hangs past the cache's `opTimeoutMs`.
 */
export interface ClusterStore {
  readonly id: string;
  /** The value only: the read path. */
  get(key: string): Promise<string | null>;
  /** The generation only (a lease). */
  generation(key: string): Promise<string | null>;
  /** Stores the value unless the generation moved away from `expected`; `undefined` means unconditional. */
  fill(key: string, payload: string, ttlMs: number, expected: string | null | undefined): Promise<boolean>;
  /**
   * Deletes the keys, bumps their generations and marks the invalidation applied; with `record`,
   * also puts it in this cluster's outbox and resolves to its stream id there.
   */
  apply(entry: OutboxEntry, record: boolean): Promise<string | undefined>;
  isApplied(id: string): Promise<boolean>;
  readOutbox(count: number): Promise<{ streamId: string; entry: OutboxEntry }[]>;
  deleteFromOutbox(streamIds: string[]): Promise<void>;
  close(): void;
}
