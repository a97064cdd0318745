export {
  createRegionalCache,
  RegionalCache,
  type ClusterMetrics,
  type GetOptions,
  type InvalidationReport,
  type Lease,
  type RegionalCacheEvents,
  type RegionalCacheOptions,
  type SetOptions,
  type StoreContext,
  type TlsOptions,
} from "./cache.ts";
export { CacheError, type CacheErrorCode } from "./errors.ts";
export { MAX_KEY_BYTES } from "./keys.ts";
export type { ClusterStore, OutboxEntry } from "./store.ts";
