export { expectInvalidatedEverywhere, type InvalidatedOptions } from "./assertions.ts";
export { memoryRegions, type MemoryRegions } from "./memory.ts";
export { startLatencyProxy, type LatencyProxy } from "./proxy.ts";
export { findRedisServer, freePort } from "./redis-process.ts";
export { startLocalRedisCluster, type LocalRedisCluster } from "./redis-cluster.ts";
export { startLocalRegions, type LocalRegions, type LocalRegionsOptions } from "./regions.ts";
