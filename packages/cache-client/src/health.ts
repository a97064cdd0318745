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

  constructor(
    readonly id: string,
    private readonly policy: RetryPolicy,
    private readonly maxInFlight: number,
  ) {}

  /** Whether a call may be sent now (a call let through to a cluster that is down is its one probe); if not, the failure to report instead. */
  admit(): ClusterFailure | undefined {
    if (this.state === "down") {
      const last = this.lastFailure?.kind ?? "unavailable";
      if (this.probing || monotonicNow() < this.retryAt) {
        return new ClusterFailure(
          this.id,
          last,
          `${this.id}: not tried, it failed (${last}) and is retried after a backoff${this.lastFailure ? `: ${this.lastFailure.message}` : ""}`,
        );
      }
      this.probing = true;
    }
    return undefined;
  }

  /**
   * Takes one of the `maxInFlight` slots, or says why not. `unanswered` is what the driver still
   * holds for this cluster (commands sent and not yet answered, also those whose caller gave up):
   * a cluster that hangs can never hold more than `maxInFlight` of them, however long it hangs.
   */
  acquire(unanswered = 0): ClusterFailure | undefined {
    const waiting = Math.max(this.inFlight, unanswered);
    if (waiting < this.maxInFlight) {
      this.inFlight++;
      return undefined;
    }
    return new ClusterFailure(
      this.id,
      "unavailable",
      `${this.id}: ${waiting} calls already waiting on it (maxInFlight ${this.maxInFlight})`,
    );
  }

  /** The call let through as a probe was not sent after all (no free slot): the next one probes. */
  probeNotSent(): void {
    this.probing = false;
  }

  /** Gives a slot back (the call settled). */
  release(): void {
    this.inFlight--;
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

  /**
   * The cluster showed it answers again (its connection came back, or a command it had left
   * unanswered got its reply): the next call probes it now instead of after the backoff.
   */
  answersAgain(): void {
    if (this.state === "down") this.retryAt = 0;
  }

  /** The relay proved every outbox swept for this cluster since it came back. */
  caughtUp(): void {
    if (this.state === "recovering") this.state = "up";
  }
}
