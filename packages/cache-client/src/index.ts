export { createRegionalCache } from "./cache.ts";
export { CacheError, type CacheErrorCode } from "./errors.ts";
export { MAX_KEY_BYTES } from "./keys.ts";
export { MAX_VALUE_BYTES } from "./values.ts";
export type {
  ClusterMetrics,
  FailureKind,
  GetOptions,
  InvalidationReport,
  Lease,
  RegionalCache,
  RegionalCacheEvents,
  RegionalCacheMetrics,
  RegionalCacheOptions,
  SetOptions,
  TlsOptions,
} from "./types.ts";
export { CACHE_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
