/** One invalidation as an outbox holds it (PROTOCOL.md, "Outbox entry"). */
export interface OutboxEntry {
  /** Invalidation id (a UUID). */
  id: string;
  keys: string[];
  /** The issuer's wall clock when it was issued (ms since the epoch). Informational only. */
  at: number;
  /** Every cluster it must reach, as the issuer's topology named them. */
  targets: string[];
}

/** A row read from an outbox: the entry, or why it could not be read. */
export interface OutboxRow {
  streamId: string;
  entry?: OutboxEntry;
  /** Set when the row is not a valid entry (it goes straight to the dead letters). */
  malformed?: string;
}

/** What happened to one entry delivered to a cluster. */
export type DeliveryOutcome = "applied" | "already" | { error: Error };

/** A read that carries what a fail-closed or recovering read needs to judge freshness. */
export interface FencedRead {
  value: string | null;
  /** The cluster's own clock (Redis TIME), in ms. */
  now: number;
  /** Source cluster id -> cluster time (ms) at which a full pass over its outbox began, after which all it held for this cluster was applied. */
  swept: Record<string, number>;
}

/**
 * What the cache needs from one cluster: the Redis implementation is the real one; the in-memory
 * one (`@org/cache-client/testing`) runs the demo without redis-server and the relay unit tests.
 * Both pass one contract suite (test/store-contract.test.ts). Every method may reject; the caller
 * bounds it by `opTimeoutMs`.
 */
export interface ClusterStore {
  readonly id: string;
  /**
   * While the first connection is being made: a promise for it, settled within the connect timeout.
   * Calls wait for it before their `opTimeoutMs` starts, so a cold start is not reported as a failure.
   */
  connecting?(): Promise<void> | undefined;
  /**
   * Commands sent to the cluster and not answered yet, including those whose caller stopped
   * waiting (a driver keeps them until the reply or the connection's end). The cache refuses new
   * calls while this reaches `maxInFlight`, so a hung cluster cannot grow memory.
   */
  unanswered?(): number;
  get(key: string): Promise<string | null>;
  /** The value together with the cluster's clock and sweep stamps, in one round trip. */
  readFenced(key: string): Promise<FencedRead>;
  /** The cluster's clock (Redis TIME) and its sweep stamps. */
  stamps(): Promise<{ now: number; swept: Record<string, number> }>;
  /** The key's generation token; if it has none, stores `fresh` and returns it. */
  lease(key: string, fresh: string): Promise<string>;
  /** Stores the value; with `expected`, only if the generation is exactly that token (missing = refused). */
  fill(key: string, payload: string, ttlMs: number, expected: string | undefined): Promise<boolean>;
  /** Applies an invalidation in one atomic step and records it in this cluster's outbox; resolves to its stream id. */
  invalidate(entry: OutboxEntry, token: string): Promise<string>;
  /** Applies each entry unless its applied marker exists; one outcome per entry, in order. */
  deliver(entries: OutboxEntry[], token: string): Promise<DeliveryOutcome[]>;
  /** Up to `count` outbox rows after `after` (exclusive; "-" for the start). */
  readOutbox(after: string, count: number): Promise<OutboxRow[]>;
  /** Removes rows from the outbox and their attempt counters. */
  retire(streamIds: string[]): Promise<void>;
  /** Counts one failed attempt to deliver a row to a target; resolves to the count so far. */
  countAttempt(streamId: string, target: string): Promise<number>;
  /** Moves a row to the dead letters (`<ns>:dead`) with the reason, and out of the outbox. */
  deadLetter(row: OutboxRow, target: string, reason: string): Promise<void>;
  deadLetterCount(): Promise<number>;
  /** Records that `source`'s outbox was fully swept for this cluster from cluster time `at`. */
  markSwept(source: string, at: number): Promise<void>;
  /** Takes or renews the named lease for `owner`; resolves to whether `owner` holds it. */
  holdLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
  close(): void;
}

/** What the cache hands a store when it builds one. */
export interface StoreContext {
  layout: import("./keys.ts").KeyLayout;
  tls?: import("./types.ts").TlsOptions;
  opTimeoutMs: number;
  /** How long generations and applied markers live: longer than any entry can. */
  retentionMs: number;
  /** Connection errors, already stripped of credentials. */
  onError: (clusterId: string, error: Error) => void;
  /** The connection to the cluster is (again) ready: a failed cluster is probed at once. */
  onReady?: (clusterId: string) => void;
}
