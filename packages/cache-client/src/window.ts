import { atTurnEnd } from "./clock.ts";
import { ClusterFailure } from "./failures.ts";

interface Waiter {
  /** Still in the queue (neither granted nor failed). */
  queued: boolean;
  grant: () => void;
  fail: (failure: ClusterFailure) => void;
}

/**
 * One cluster's in-flight window: at most `max` calls outstanding on it. A call holds its slot
 * until its store call settles, and the commands the driver still holds for the cluster
 * (`unanswered`: also those whose caller stopped waiting, until the server answers or the
 * connection drops) count too, so a cluster that hangs holds at most `max` of them however long
 * it hangs. A call that finds the window full waits in this cluster's FIFO for a
 * slot, at most its own bound; it never waits on another cluster's window, so a hung cluster
 * cannot delay the others. A cluster known to hang fails its waiters at once (`failAll`).
 */
export class InFlightWindow {
  /** Calls holding a slot. */
  inFlight = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly clusterId: string,
    private readonly max: number,
    private readonly unanswered: () => number = () => 0,
  ) {}

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Calls holding a slot, or commands the driver still holds for the cluster, whichever is more. */
  get outstanding(): number {
    return Math.max(this.inFlight, this.unanswered());
  }

  private full(): boolean {
    return this.outstanding >= this.max;
  }

  /** Takes a slot now if one is free (and nobody waits ahead). */
  tryTake(): boolean {
    if (this.waiters.length > 0 || this.full()) return false;
    this.inFlight++;
    return true;
  }

  /** Waits for a slot, at most `ms` (counted from the end of this turn, like every bound). */
  take(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        queued: true,
        grant: () => {
          waiter.queued = false;
          clearTimeout(timer);
          resolve();
        },
        fail: (failure) => {
          waiter.queued = false;
          clearTimeout(timer);
          reject(failure);
        },
      };
      this.waiters.push(waiter);
      atTurnEnd(() => {
        if (!waiter.queued) return;
        timer = setTimeout(() => {
          const at = this.waiters.indexOf(waiter);
          if (at < 0) return;
          this.waiters.splice(at, 1);
          waiter.fail(
            new ClusterFailure(
              this.clusterId,
              "timeout",
              `${this.clusterId}: no slot within ${Math.round(ms)} ms (${this.inFlight} calls unanswered, maxInFlight ${this.max})`,
            ),
          );
        }, ms);
        timer.unref?.();
      });
      this.pump();
    });
  }

  /** Gives a slot back (the server answered, or the connection dropped) and hands it on. */
  release(): void {
    this.inFlight--;
    this.pump();
  }

  /** The cluster is known to hang: every waiter is answered now, with `failure`. */
  failAll(failure: ClusterFailure): void {
    for (const waiter of this.waiters.splice(0)) waiter.fail(failure);
  }

  private pump(): void {
    while (this.waiters.length > 0 && !this.full()) {
      this.inFlight++;
      this.waiters.shift()!.grant();
    }
  }
}
