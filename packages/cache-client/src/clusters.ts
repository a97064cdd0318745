import { monotonicNow, withTimeout } from "./clock.ts";
import { ClusterFailure, sanitize } from "./failures.ts";
import { ClusterHealth } from "./health.ts";
import type { RetryPolicy } from "./retry.ts";
import type { ClusterStore } from "./store.ts";
import { InFlightWindow } from "./window.ts";

/** Failures that say the cluster itself is unreachable or unusable (not one bad command). */
export const CONNECTION_KINDS: ReadonlySet<string> = new Set(["auth", "tls", "refused", "timeout", "unavailable"]);

export interface ClustersOptions {
  opTimeoutMs: number;
  policy: RetryPolicy;
  maxInFlight: number;
  onDown: (failure: ClusterFailure) => void;
}

/**
 * Every cluster of the topology with its store, health and in-flight window: the one place a call
 * to a cluster is admitted (circuit breaker, window), bounded, sanitized and recorded.
 *
 * The bound of a call (README, "Bounded answers") starts when its command is written: at the end
 * of the turn of the event loop that sent it. A call that finds its cluster's window full first
 * waits for a slot, at most one more bound. Nothing is shared between clusters but the event loop:
 * a hung cluster fills its own window, then its breaker opens and its calls fail at once without
 * a slot, while the others' calls go out as before.
 */
export class Clusters {
  readonly stores = new Map<string, ClusterStore>();
  readonly health = new Map<string, ClusterHealth>();
  readonly windows = new Map<string, InFlightWindow>();
  readonly regionOf = new Map<string, string>();

  private closed = false;

  constructor(private readonly options: ClustersOptions) {}

  add(region: string, store: ClusterStore): void {
    this.stores.set(store.id, store);
    this.regionOf.set(store.id, region);
    this.health.set(store.id, new ClusterHealth(store.id, this.options.policy));
    const unanswered = store.unanswered?.bind(store);
    this.windows.set(store.id, new InFlightWindow(store.id, this.options.maxInFlight, unanswered));
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
        this.down(health, failure);
        throw failure;
      }
    }
    const window = this.windows.get(id)!;
    if (!window.tryTake()) {
      if (health.state === "down") {
        // A probe with no free slot is not sent: no failure of the cluster, and no probe either.
        health.probeNotSent();
        throw health.refused();
      }
      await window.take(boundMs);
    }
    const sentAt = monotonicNow();
    let running: Promise<T>;
    try {
      running = op(store);
    } catch (error) {
      running = Promise.reject(error as Error);
    }
    running.then(
      // A reply that comes after the caller gave up still proves the cluster answers.
      () => {
        window.release();
        health.answered();
      },
      () => window.release(),
    );
    try {
      const result = await withTimeout(running, boundMs, () => `${what} on ${id}`);
      health.succeeded(monotonicNow() - sentAt);
      return result;
    } catch (error) {
      const failure = sanitize(id, error, []);
      if (failure.kind === "timeout") {
        if (health.timedOut(failure, sentAt)) this.wentDown(id, failure);
      } else if (CONNECTION_KINDS.has(failure.kind)) {
        this.down(health, failure);
      } else {
        health.succeeded(monotonicNow() - sentAt);
      }
      throw failure;
    }
  }

  private down(health: ClusterHealth, failure: ClusterFailure): void {
    if (health.failed(failure)) this.wentDown(health.id, failure);
  }

  /** The breaker just opened: calls waiting for a slot are answered now, and listeners told. */
  private wentDown(id: string, failure: ClusterFailure): void {
    this.windows.get(id)!.failAll(this.health.get(id)!.refused());
    this.options.onDown(failure);
  }

  close(): void {
    this.closed = true;
    for (const store of this.stores.values()) store.close();
  }
}
