import type { Clusters } from "./clusters.ts";

/**
 * A cluster that came back (`recovering`) serves reads again once every outbox this process can
 * reach was swept for it since: the first check notes the cluster's clock, a later one compares the
 * sweep stamps with it (PROTOCOL.md, "Fresh reads").
 */
export async function checkRecovering(clusters: Clusters): Promise<void> {
  await Promise.all(
    clusters.ids.map(async (id) => {
      const health = clusters.health.get(id)!;
      if (health.state !== "recovering") return;
      try {
        const { now, swept } = await clusters.call(id, "clock", (s) => s.stamps());
        if (health.recoveredAt === undefined) {
          health.recoveredAt = now;
          return;
        }
        const sources = clusters.ids.filter((s) => s !== id && clusters.health.get(s)!.state !== "down");
        if (sources.every((s) => (swept[s] ?? -Infinity) >= health.recoveredAt!)) health.caughtUp();
      } catch {
        // Still failing: the breaker has it down again.
      }
    }),
  );
}
