import { monotonicNow } from "./clock.ts";
import { ClusterFailure } from "./failures.ts";
import { retryDelay, type RetryPolicy } from "./retry.ts";

/**
 * `up`: answering and current. `down`: failed; calls fail fast (no command is sent) until the
 * retry time, then one probe goes through. `recovering`: answering again, but reads avoid it until
 * every outbox has been swept for it since it came back (a healed cluster may miss invalidations).
 */
export type ClusterState = "up" | "down" | "recovering";

/** One cluster's circuit breaker, in-flight cap and latency, as this process sees them. */
export class ClusterHealth {
  state: ClusterState = "up";
  failures = 0;
  inFlight = 0;
  latencyMs: number | undefined;
  lastFailure: ClusterFailure | undefined;
  /** With state `recovering`: the cluster's own clock when this process saw it answer again. */
  recoveredAt: number | undefined;
  private retryAt = 0;
  private probing = false;
  private readonly waiters: (() => void)[] = [];

  constructor(
    readonly id: string,
    private readonly policy: RetryPolicy,
    private readonly maxInFlight: number,
  ) {}

  /**
   * Whether the breaker lets a call through now; if not, the failure to report instead. With
   * `probe` (the default), a call let through to a cluster that is down is its one probe.
   */
  admit(probe = true): ClusterFailure | undefined {
    if (this.state === "down") {
      const last = this.lastFailure?.kind ?? "unavailable";
      if (this.probing || monotonicNow() < this.retryAt) {
        return new ClusterFailure(
          this.id,
          last,
          `${this.id}: not tried, it failed (${last}) and is retried after a backoff${this.lastFailure ? `: ${this.lastFailure.message}` : ""}`,
        );
      }
      if (probe) this.probing = true;
    }
    return undefined;
  }

  /**
   * Takes one of the `maxInFlight` slots, waiting up to `waitMs` for one to free. A command holds
   * its slot until the server answers or the connection drops (not until the caller stops
   * waiting), so a cluster that hangs holds at most `maxInFlight` commands in the driver, while a
   * busy healthy one only makes calls wait their turn.
   */
  acquire(waitMs: number): Promise<void> | undefined {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++;
      return undefined;
    }
    if (this.state === "down") {
      // Every slot is held by a command the failed cluster has not answered: nothing to wait for.
      return Promise.reject(
        new ClusterFailure(
          this.id,
          this.lastFailure?.kind ?? "unavailable",
          `${this.id}: not tried, ${this.inFlight} earlier calls are still unanswered (maxInFlight)`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter) >>> 0, 1);
        reject(
          new ClusterFailure(
            this.id,
            "unavailable",
            `${this.id}: no free slot within ${Math.round(waitMs)} ms (${this.inFlight} calls already waiting on it, maxInFlight ${this.maxInFlight})`,
          ),
        );
      }, waitMs);
      timer.unref?.();
      this.waiters.push(waiter);
    });
  }

  /** Gives a slot back (the command settled): the longest-waiting call takes it. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.inFlight--;
  }

  succeeded(latencyMs: number): void {
    this.latencyMs = this.latencyMs === undefined ? latencyMs : 0.8 * this.latencyMs + 0.2 * latencyMs;
    this.probing = false;
    this.failures = 0;
    if (this.state === "down") {
      this.state = "recovering";
      this.recoveredAt = undefined;
    }
  }

  /** Records a failure; resolves to true when this failure took the cluster down. */
  failed(failure: ClusterFailure): boolean {
    this.probing = false;
    this.failures++;
    this.lastFailure = failure;
    this.retryAt = monotonicNow() + retryDelay(this.policy, this.failures);
    const wentDown = this.state !== "down";
    this.state = "down";
    return wentDown;
  }

  /** The relay proved every outbox swept for this cluster since it came back. */
  caughtUp(): void {
    if (this.state === "recovering") this.state = "up";
  }
}
