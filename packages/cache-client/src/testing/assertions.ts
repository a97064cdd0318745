import { config, connectionUrl, type Topology } from "@org/config";
import { Cluster, Redis } from "ioredis";
import { KeyLayout } from "../keys.ts";

export interface InvalidatedOptions {
  /** @default "org:cache" */
  namespace?: string;
  /** Bound on each cluster's answer, in ms. @default config.timeouts.connect */
  timeoutMs?: number;
}

/**
 * Asserts that no cluster of any region still holds `key`: the seed's per-region test in one
 * line. Throws an AssertionError-like Error naming every cluster that still has it, or that
 * could not be asked.
 * @example await expectInvalidatedEverywhere(local.topology, `api_key:${id}:status`);
 */
export async function expectInvalidatedEverywhere(
  topology: Topology,
  key: string,
  options: InvalidatedOptions = {},
): Promise<void> {
  const layout = new KeyLayout(options.namespace ?? "org:cache");
  const timeoutMs = options.timeoutMs ?? config.timeouts.connect;
  const problems: string[] = [];
  await Promise.all(
    topology.regions.flatMap((region) =>
      region.clusters.map(async (cluster) => {
        const url = connectionUrl(cluster);
        const client =
          cluster.mode === "cluster"
            ? new Cluster([{ host: new URL(url).hostname, port: Number(new URL(url).port) }], {
                enableOfflineQueue: true,
                redisOptions: { commandTimeout: timeoutMs, connectTimeout: timeoutMs, maxRetriesPerRequest: 0 },
              })
            : new Redis(url, {
                commandTimeout: timeoutMs,
                connectTimeout: timeoutMs,
                maxRetriesPerRequest: 0,
                retryStrategy: () => null,
              });
        client.on("error", () => {});
        try {
          const value = await client.get(layout.value(key));
          if (value !== null) problems.push(`${region.id}/${cluster.id} still holds ${value}`);
        } catch (error) {
          problems.push(`${region.id}/${cluster.id} could not be checked: ${(error as Error).message}`);
        } finally {
          client.disconnect();
        }
      }),
    ),
  );
  if (problems.length > 0) {
    const error = new Error(`"${key}" is not invalidated everywhere:\n  - ${problems.sort().join("\n  - ")}`);
    error.name = "AssertionError";
    throw error;
  }
}
