/**
 * The one retry policy of the cache: exponential backoff with full jitter (a random delay up to
 * min(max, base * 2^(failures - 1))). Used for a failing cluster's circuit breaker and for the
 * driver's reconnects; nothing else in the package computes a retry delay.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export function retryDelay(policy: RetryPolicy, failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  // Never zero: a retry storm at 0 ms is what the policy exists to prevent.
  return Math.max(policy.baseMs / 4, random() * ceiling);
}

/**
 * The policy for a cache whose operations are bounded by `opTimeoutMs`: a failed cluster is probed
 * again within at most 4 x opTimeoutMs, so a healed cluster is noticed (and its queue drained) soon.
 */
export function clusterRetryPolicy(opTimeoutMs: number): RetryPolicy {
  return { baseMs: opTimeoutMs / 2, maxMs: 4 * opTimeoutMs };
}

/**
 * The driver's reconnect policy: from 100 ms, doubling, up to the connect timeout, so a restarted
 * cluster is reconnected to within one connect timeout of coming back.
 */
export function reconnectPolicy(connectTimeoutMs: number): RetryPolicy {
  return { baseMs: Math.min(100, connectTimeoutMs), maxMs: connectTimeoutMs };
}
