import { monotonicNow, withTimeout } from "./clock.ts";
import { ClusterFailure, sanitize } from "./failures.ts";
import { ClusterHealth } from "./health.ts";
import type { RetryPolicy } from "./retry.ts";
import type { ClusterStore } from "./store.ts";

/** Failures that say the cluster itself is unreachable or unusable (not one bad command). */
export const CONNECTION_KINDS: ReadonlySet<string> = new Set(["auth", "tls", "refused", "timeout", "unavailable"]);

export interface ClustersOptions {
  opTimeoutMs: number;
  policy: RetryPolicy;
  maxInFlight: number;
  onDown: (failure: ClusterFailure) => void;
}

/**
 * Every cluster of the topology with its store and health: the one place a call to a cluster is
 * admitted (circuit breaker, in-flight cap), bounded (`opTimeoutMs`), sanitized and recorded.
 */
export class Clusters {
  readonly stores = new Map<string, ClusterStore>();
  readonly health = new Map<string, ClusterHealth>();
  readonly regionOf = new Map<string, string>();

  private closed = false;

  constructor(private readonly options: ClustersOptions) {}

  add(region: string, store: ClusterStore): void {
    this.stores.set(store.id, store);
    this.regionOf.set(store.id, region);
    this.health.set(store.id, new ClusterHealth(store.id, this.options.policy, this.options.maxInFlight));
  }

  get ids(): string[] {
    return [...this.stores.keys()];
  }

  store(id: string): ClusterStore {
    return this.stores.get(id)!;
  }

  /** Runs `op` on cluster `id` if its breaker admits it, bounded by `boundMs`; rejects with a ClusterFailure. */
  async call<T>(
    id: string,
    what: string,
    op: (store: ClusterStore) => Promise<T>,
    boundMs = this.options.opTimeoutMs,
  ): Promise<T> {
    if (this.closed) throw new ClusterFailure(id, "unavailable", `${id}: the cache was closed`);
    const health = this.health.get(id)!;
    const refused = health.admit();
    if (refused) throw refused;
    const store = this.stores.get(id)!;
    const connecting = store.connecting?.();
    if (connecting) {
      try {
        await connecting;
      } catch (error) {
        const failure = sanitize(id, error, []);
        if (health.failed(failure)) this.options.onDown(failure);
        throw failure;
      }
    }
    const full = health.acquire(store.unanswered?.());
    if (full) {
      // Not sent: a probe that could not go out is no failure of the cluster, and no probe either.
      health.probeNotSent();
      throw full;
    }
    const started = monotonicNow();
    const running = op(store).finally(() => health.release());
    // A reply that comes after the caller gave up still proves the cluster answers again.
    running.then(
      () => health.answersAgain(),
      () => {},
    );
    try {
      const remaining = Math.max(1, boundMs - (monotonicNow() - started));
      const result = await withTimeout(running, remaining, () => `${what} on ${id}`);
      health.succeeded(monotonicNow() - started);
      return result;
    } catch (error) {
      running.catch(() => {});
      const failure = sanitize(id, error, []);
      if (CONNECTION_KINDS.has(failure.kind)) {
        if (health.failed(failure)) this.options.onDown(failure);
      } else {
        health.succeeded(monotonicNow() - started);
      }
      throw failure;
    }
  }

  close(): void {
    this.closed = true;
    for (const store of this.stores.values()) store.close();
  }
}
