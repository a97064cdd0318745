import type { CacheErrorCode } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a `CacheError` carries. */
export const CACHE_ERROR_CODES = {
  ORG_CACHE_KEY: {
    meaning:
      "A key was refused: not a non-empty string, longer than `MAX_KEY_BYTES`, holding whitespace or control characters, or a lease used for another key.",
    action: "Build keys from ids with a fixed layout (`api_key:${id}:status`); never from raw user input.",
  },
  ORG_CACHE_VALUE: {
    meaning:
      "A value cannot be stored so that it reads back the same: `undefined`, not JSON (a `Date`, `NaN`, a function), or larger than `MAX_VALUE_BYTES`.",
    action: "Cache plain JSON data (objects, arrays, strings, finite numbers, booleans, null) below the size limit.",
  },
  ORG_CACHE_TTL: {
    meaning: "`ttlMs` is not a whole number from 1 to `maxTtlMs` (`config.cache.maxTtlMs`, 5 minutes by default).",
    action: "Pass a shorter `ttlMs`: the bound is what limits staleness in a region cut off for good.",
  },
  ORG_CACHE_OPTIONS: {
    meaning:
      "`createRegionalCache` options do not fit: not an options object, an empty or malformed `namespace`, or a duration or limit that is not a whole number in range.",
    action:
      "Give durations in whole milliseconds and a namespace without whitespace or braces; the message names the option.",
  },
  ORG_CACHE_TOPOLOGY: {
    meaning: "The topology does not fit: `localRegion` is not one of its regions, or a cluster id appears twice.",
    action: "Name a region of the topology (`org-config print` shows it) and give every cluster its own id.",
  },
  ORG_CACHE_UNAVAILABLE: {
    meaning: "No cluster of the local region answered a read within `opTimeoutMs`.",
    action:
      "Treat it as a miss or an outage for this call; check `cache.metrics()` and the `clusterError` events for the cluster's state. Invalidations are not affected: they are queued.",
  },
  ORG_CACHE_CLOSED: {
    meaning: "The cache was used after `close()`.",
    action: "Create a new cache with `createRegionalCache`, or close it only at shutdown.",
  },
} as const satisfies Record<CacheErrorCode, ErrorCodeInfo>;
