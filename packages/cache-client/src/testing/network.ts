import type { Topology } from "@org/config";
import { startFaultProxy, type FaultProxy } from "./proxy.ts";
import type { LocalRegions } from "./regions.ts";

/**
 * The network between the regions' instances and every cluster: one fault proxy per (region,
 * cluster) link, so a fault can be one-sided in every sense. Instances in one region may lose a
 * cluster that the others still reach; a link may carry requests but drop replies (the cluster
 * runs the command, the caller never learns it), or the reverse; a link may be slow or throttled.
 */
export interface FaultNetwork {
  /** The topology as instances in `region` see it: every cluster behind that region's own link to it. */
  topologyFrom(region: string): Topology;
  /** The link from instances in `region` to cluster `clusterId`. */
  link(region: string, clusterId: string): FaultProxy;
  /** Every link, with its ends. */
  readonly links: readonly { region: string; clusterId: string; proxy: FaultProxy }[];
  /** Restores every link (see `FaultProxy.restore`). */
  restoreAll(): void;
  close(): Promise<void>;
}

/**
 * Starts a fault proxy for every (region, cluster) pair of `local` (36 with the default six
 * clusters in three regions), each on a free loopback port.
 * @example
 * const network = await startFaultNetwork(local);
 * const cache = createRegionalCache({ topology: network.topologyFrom("eu-west-1"), localRegion: "eu-west-1" });
 * network.link("eu-west-1", "us-east-1-a").blackhole("replies");
 */
export async function startFaultNetwork(local: LocalRegions): Promise<FaultNetwork> {
  const regions = local.topology.regions.map((r) => r.id);
  const links: { region: string; clusterId: string; proxy: FaultProxy }[] = [];
  try {
    for (const region of regions) {
      for (const clusterId of local.clusterIds) {
        links.push({ region, clusterId, proxy: await startFaultProxy(local.port(clusterId)) });
      }
    }
  } catch (error) {
    await Promise.all(links.map((l) => l.proxy.close()));
    throw error;
  }
  const link = (region: string, clusterId: string): FaultProxy => {
    const found = links.find((l) => l.region === region && l.clusterId === clusterId);
    if (!found)
      throw new Error(`no link from region "${region}" to cluster "${clusterId}" (regions: ${regions.join(", ")})`);
    return found.proxy;
  };
  return {
    links,
    link,
    topologyFrom: (region) => ({
      regions: local.topology.regions.map((r) => ({
        ...r,
        clusters: r.clusters.map((c) => {
          const url = new URL(c.url);
          url.port = String(link(region, c.id).port);
          return { ...c, url: url.toString() };
        }),
      })),
    }),
    restoreAll: () => {
      for (const l of links) l.proxy.restore();
    },
    close: async () => {
      await Promise.all(links.map((l) => l.proxy.close()));
    },
  };
}
