import { monotonicNow } from "./clock.ts";
import { ClusterFailure } from "./failures.ts";
import { retryDelay, type RetryPolicy } from "./retry.ts";

/**
 * `up`: answering and current. `down`: failed; calls fail fast (no command is sent, no slot is
 * taken) until the retry time, then one probe goes through. `recovering`: answering again, but
 * reads avoid it until every outbox has been swept for it since it came back (a healed cluster
 * may miss invalidations).
 */
export type ClusterState = "up" | "down" | "recovering";

/** One cluster's circuit breaker and latency, as this process sees them. */
export class ClusterHealth {
  state: ClusterState = "up";
  failures = 0;
  latencyMs: number | undefined;
  lastFailure: ClusterFailure | undefined;
  /** With state `recovering`: the cluster's own clock when this process saw it answer again. */
  recoveredAt: number | undefined;
  private retryAt = 0;
  private probing = false;
  private lastAnswerAt = -Infinity;
  /** What calls refused while the breaker is open report (one object per opening: no stack per call). */
  private refusal: ClusterFailure | undefined;

  constructor(
    readonly id: string,
    private readonly policy: RetryPolicy,
  ) {}

  /** Whether a call may be sent now (a call let through to a cluster that is down is its one probe); if not, the failure to report instead. */
  admit(): ClusterFailure | undefined {
    if (this.state === "down") {
      if (this.probing || monotonicNow() < this.retryAt) return this.refused();
      this.probing = true;
    }
    return undefined;
  }

  /** The failure a call refused by the open breaker reports: it names why the cluster went down. */
  refused(): ClusterFailure {
    const last = this.lastFailure?.kind ?? "unavailable";
    this.refusal ??= new ClusterFailure(
      this.id,
      last,
      `${this.id}: not tried, it failed (${last}) and is retried after a backoff${this.lastFailure ? `: ${this.lastFailure.message}` : ""}`,
    );
    return this.refusal;
  }

  /** The call let through as a probe was not sent after all (no free slot): the next one probes. */
  probeNotSent(): void {
    this.probing = false;
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

  /**
   * A call sent at `sentAt` got no answer within its bound. The cluster is hung only if it
   * answered nothing at all since then (a cluster that keeps answering is slow or busy, and its
   * breaker stays closed: one late reply must not fail every call after it). Resolves to whether
   * this took the cluster down.
   */
  timedOut(failure: ClusterFailure, sentAt: number): boolean {
    if (this.lastAnswerAt > sentAt && this.state !== "down") {
      this.lastFailure = failure;
      return false;
    }
    return this.failed(failure);
  }

  /** Records a failure; resolves to true when this failure took the cluster down. */
  failed(failure: ClusterFailure): boolean {
    this.probing = false;
    this.failures++;
    this.lastFailure = failure;
    this.retryAt = monotonicNow() + retryDelay(this.policy, this.failures);
    this.refusal = undefined;
    const wentDown = this.state !== "down";
    this.state = "down";
    return wentDown;
  }

  /** The cluster answered a command (also one whose caller had stopped waiting). */
  answered(): void {
    this.lastAnswerAt = monotonicNow();
    this.answersAgain();
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
