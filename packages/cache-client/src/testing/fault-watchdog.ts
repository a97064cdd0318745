import type { Redis } from "ioredis";
import type { RegionalCache } from "../types.ts";
import type { LocalRegions } from "./regions.ts";

const NS = "org:cache";

/** A step of a fault-model run that has started and not settled yet. */
export interface UnsettledStep {
  what: string;
  /** The run's logical tick when it started. */
  tick: number;
  /** performance.now() when it started. */
  since: number;
}

export interface WatchdogOptions {
  /** How long a step may take before it is reported hung. */
  settleMs: number;
  /** The run's logical clock, named in the report. */
  tick: () => number;
  /** Receives one line per hung step. */
  hung: (line: string) => void;
  /** Describes what was pending when a step hung (itself bounded: it must not hang). */
  pending: (unsettled: ReadonlyMap<number, UnsettledStep>) => Promise<string>;
}

/**
 * Runs each step of a fault-model run under one watchdog: a step that has not settled after
 * `settleMs` is reported (`hung`) with a description of what was pending, `onHang` runs (e.g. kills
 * the child process the step waits for), and the step resolves `undefined`, so the run goes on
 * without it. A step left behind stays listed as unsettled until it really settles, and its late
 * failure is swallowed (the report already names it).
 */
export function watchdog(options: WatchdogOptions) {
  let next = 0;
  const unsettled = new Map<number, UnsettledStep>();
  return async function watch<T>(what: string, step: () => Promise<T>, onHang?: () => void): Promise<T | undefined> {
    const id = next++;
    unsettled.set(id, { what, tick: options.tick(), since: performance.now() });
    let running: Promise<T>;
    try {
      running = step();
    } catch (error) {
      running = Promise.reject(error as Error);
    }
    running.then(
      () => unsettled.delete(id),
      () => unsettled.delete(id),
    );
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        const at = options.tick();
        void options
          .pending(unsettled)
          .catch((error: unknown) => `(could not be read: ${(error as Error).message})`)
          .then((pending) => {
            options.hung(`${what} (tick ${at}) did not settle within ${options.settleMs} ms; pending: ${pending}`);
            onHang?.();
            resolve(undefined);
          });
      }, options.settleMs);
    });
    try {
      return await Promise.race([running, hung]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Settles like `promise`, or with `fallback` after `ms`: the snapshot of a hang must not hang itself. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms))),
  ]).finally(() => clearTimeout(timer));
}

export interface PendingStateOptions {
  local: LocalRegions;
  /** Clusters the run has SIGSTOPped. */
  stopped: ReadonlySet<string>;
  instances: readonly { cache: RegionalCache; region: string; skewed: boolean }[];
  unsettled: ReadonlyMap<number, UnsettledStep>;
  rawClient: (id: string) => Redis;
  /** Bound of each read of a cluster. */
  boundMs: number;
}

/**
 * One line of what a run had pending: which clusters are stopped, every outbox's length, who holds
 * each relay lease (owner prefix and time left), every instance's clusters that are not up or have
 * calls in flight or entries queued (`metrics()`), and the run's unsettled steps, oldest first.
 */
export async function pendingState(options: PendingStateOptions): Promise<string> {
  const { local, stopped, boundMs } = options;
  const clusters = await Promise.all(
    local.clusterIds.map(async (id) => {
      if (stopped.has(id)) return `${id} stopped`;
      const raw = options.rawClient(id);
      const read = (async () => {
        const outbox = await raw.xlen(`${NS}:outbox`);
        const leases = await raw.keys(`${NS}:relay:*`);
        const holders = await Promise.all(
          leases.map(async (name) => {
            const [owner, ttl] = await Promise.all([raw.get(name), raw.pttl(name)]);
            return `${(owner ?? "?").slice(0, 8)} ${ttl} ms`;
          }),
        );
        return `${id} outbox ${outbox}${holders.length > 0 ? `, lease ${holders.join(" / ")}` : ", no lease"}`;
      })();
      return within(read, boundMs, `${id} did not answer within ${boundMs} ms`);
    }),
  );
  const instances = options.instances.flatMap(({ cache, region, skewed }, index) => {
    let metrics;
    try {
      metrics = cache.metrics();
    } catch (error) {
      return [`#${index} metrics failed: ${(error as Error).message}`];
    }
    const busy = metrics.clusters
      .filter((c) => c.state !== "up" || c.inFlight > 0 || c.queueDepth > 0)
      .map(
        (c) =>
          `${c.id} ${c.state}${c.lastFailure ? ` (${c.lastFailure})` : ""} in flight ${c.inFlight} queued ${c.queueDepth}`,
      );
    return busy.length === 0 ? [] : [`#${index} (${region}${skewed ? ", skewed" : ""}): ${busy.join(", ")}`];
  });
  const now = performance.now();
  const steps = [...options.unsettled.values()]
    .sort((a, b) => a.since - b.since)
    .map((s) => `${s.what} (tick ${s.tick}, ${Math.round(now - s.since)} ms)`);
  return [
    `clusters: ${clusters.join("; ")}`,
    `instances: ${instances.length === 0 ? "all clusters up, nothing in flight or queued" : instances.join("; ")}`,
    `unsettled steps (${steps.length}): ${steps.slice(0, 12).join("; ")}${steps.length > 12 ? `; ... ${steps.length - 12} more` : ""}`,
  ].join(" | ");
}
