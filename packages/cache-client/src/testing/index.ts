export { expectInvalidatedEverywhere, type InvalidatedOptions } from "./assertions.ts";
export { memoryRegions, type MemoryRegions } from "./memory.ts";
export { writeOutboxBacklog, type OutboxBacklog } from "./backlog.ts";
export { startFaultNetwork, type FaultNetwork } from "./network.ts";
export { startFaultProxy, type FaultProxy, type LinkDirection, type SlowLink } from "./proxy.ts";
export { findRedisServer } from "./redis-process.ts";
export { freePort } from "@org/test-kit/ports";
export { startLocalRedisCluster, type LocalRedisCluster, type LocalRedisClusterOptions } from "./redis-cluster.ts";
export { startLocalRegions, type LocalRegions, type LocalRegionsOptions } from "./regions.ts";
// Seams for tests and stand-ins, kept out of the main entry.
export { createRegionalCacheOnStores, type CreateStore } from "../cache.ts";
export { KeyLayout } from "../keys.ts";
export type { ClusterStore, DeliveryOutcome, FencedRead, OutboxEntry, OutboxRow, StoreContext } from "../store.ts";
export { runFaultModel, type FaultModelOptions, type FaultModelReport } from "./fault-model.ts";
