import { monotonicNow } from "./clock.ts";
import type { Clusters } from "./clusters.ts";
import { CacheError } from "./errors.ts";
import { ClusterFailure, describeFailures } from "./failures.ts";
import type { FencedRead } from "./store.ts";

export interface ReadContext {
  clusters: Clusters;
  localRegion: string;
  local: string[];
  opTimeoutMs: number;
  freshnessMs: number;
  /** Whether this process has an invalidation of `key` queued for `clusterId` that may not have reached it. */
  queuedHere: (key: string, clusterId: string) => boolean;
}

/**
 * Reads `key` in the local region. Clusters that are up are tried in order; the next one is asked
 * too if the first has not answered within half of `opTimeoutMs`, and the whole read is bounded by
 * `opTimeoutMs`. A cluster that is `recovering` (back after a failure) is read only with its sweep
 * stamps, and only if every outbox has been swept for it since it came back; otherwise the read is
 * a miss. With `failClosed`, a value is returned only from a cluster whose stamps from every outbox
 * are within `freshnessMs` of its own clock.
 */
export async function readLocal(ctx: ReadContext, key: string, failClosed: boolean): Promise<string | null> {
  const { clusters } = ctx;
  const up = ctx.local.filter((id) => clusters.health.get(id)!.state === "up");
  const recovering = ctx.local.filter((id) => clusters.health.get(id)!.state === "recovering");
  const down = ctx.local.filter((id) => clusters.health.get(id)!.state === "down");
  const order = [...up, ...recovering, ...down];
  const started = monotonicNow();
  const failures: ClusterFailure[] = [];
  let misses = 0;

  return new Promise<string | null>((resolve, reject) => {
    let next = 0;
    let active = 0;
    let settled = false;
    let hedge: NodeJS.Timeout | undefined;
    const finish = (value: string | null | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(hedge);
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    // Asks the next cluster; with none left (or no time left to ask one), the read ends once
    // the clusters already asked have: a miss if one of them missed, else unavailable.
    const launch = () => {
      if (settled) return;
      const remaining = ctx.opTimeoutMs - (monotonicNow() - started);
      if (next >= order.length || remaining <= 0) {
        next = order.length;
        if (active === 0) finish(misses > 0 ? null : unavailable(ctx, failures));
        return;
      }
      const id = order[next++]!;
      active++;
      const state = clusters.health.get(id)!.state;
      const fenced = failClosed || state !== "up";
      const attempt = fenced
        ? clusters
            .call(id, "read", (s) => s.readFenced(key), remaining)
            .then((read) => judge(ctx, id, key, read, failClosed))
        : clusters.call(id, "read", (s) => s.get(key), remaining);
      attempt.then(
        (value) => {
          active--;
          if (value !== undefined) return finish(value);
          // Not provably current: another cluster may be; if none is, the answer is a miss.
          misses++;
          launch();
        },
        (error: unknown) => {
          active--;
          failures.push(error as ClusterFailure);
          launch();
        },
      );
      if (next < order.length && active === 1) {
        clearTimeout(hedge);
        hedge = setTimeout(launch, Math.max(1, remaining / 2));
        hedge.unref?.();
      }
    };
    launch();
  });
}

/** The value if the read cluster is provably current, `undefined` if not (a miss), per the rules above. */
function judge(
  ctx: ReadContext,
  id: string,
  key: string,
  read: FencedRead,
  failClosed: boolean,
): string | null | undefined {
  const { clusters } = ctx;
  const health = clusters.health.get(id)!;
  const others = clusters.ids.filter((s) => s !== id);
  const swept = (source: string) => sweptAt(read, source);
  if (health.state === "recovering") {
    const since = health.recoveredAt;
    const sources = others.filter((s) => clusters.health.get(s)!.state !== "down");
    if (since === undefined || !sources.every((s) => swept(s) >= since)) return undefined;
    health.caughtUp();
  }
  if (failClosed) {
    const stale = others.some((s) => !(read.now - swept(s) <= ctx.freshnessMs));
    if (stale || ctx.queuedHere(key, id)) return undefined;
  }
  return read.value;
}

/**
 * The sweep stamp of `source` on a cluster, in that cluster's clock; -Infinity when it has none,
 * or when the stamp is later than the cluster's own clock: its clock stepped back since the stamp
 * was written (Redis TIME is wall-clock time), and such a stamp proves nothing about the time
 * since (PROTOCOL.md, "Clocks"). The relay's next pass writes a stamp in the new clock.
 */
export function sweptAt(stamps: { now: number; swept: Record<string, number> }, source: string): number {
  const at = stamps.swept[source];
  return at === undefined || at > stamps.now ? -Infinity : at;
}

function unavailable(ctx: ReadContext, failures: ClusterFailure[]): CacheError {
  return new CacheError(
    "ORG_CACHE_UNAVAILABLE",
    `no cluster of ${ctx.localRegion} answered within ${ctx.opTimeoutMs} ms: ${describeFailures(failures) || ctx.local.join(", ")}; the caller should read from the source of truth`,
    { cause: failures[0] },
  );
}
