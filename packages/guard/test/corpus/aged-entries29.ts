// Durations named like timeouts that are LIFETIMES of stored state (issue 9, session 29: signalk-server's pruned
// request records, @atlaskit's staleness age of cached values): compared with an entry's age where the outcome only
// drops the entry (and logs it) or hands back nothing instead of the stale value. Nothing waits on them.
// Beside them, deadlines on elapsed time and a sweep that fails what it drops stay timeouts. `expect:` marks findings.
declare function debug(message: string, ...args: unknown[]): void;
declare function sleep(ms: number): Promise<void>;
declare function ready(): boolean;
declare const store: { get(key: string): Promise<{ at: number; value: string }>; del(key: string): Promise<void> };
declare const redis: { blpop(key: string, timeout: number): Promise<string[] | null> };
declare const mutex: { acquire(key: string, options: { timeout: number }): Promise<() => void> };

// Records older than an hour are pruned (and the pruning logged): a retention lifetime.
const pruneRequestTimeout = 60 * 60 * 1000;
const requests: Record<string, { date: Date }> = {};
export function pruneRequests(): void {
  for (const id of Object.keys(requests)) {
    const diff = Date.now() - requests[id]!.date.getTime();
    if (diff > pruneRequestTimeout) {
      delete requests[id];
      debug("pruned request %s", id);
    }
  }
}

// A cached timestamp past its staleness age is reset: how long a value stays fresh.
export const VALUES_STALE_TIMEOUT_MS = 1000 * 60 * 5;
export function adjustBasedOnStaleness(timestamp: number): number {
  return Date.now() - timestamp >= VALUES_STALE_TIMEOUT_MS ? 0 : timestamp;
}

// A cache read that drops an entry past its age and answers nothing.
const CACHE_ENTRY_TIMEOUT = 30_000;
export async function cached(key: string): Promise<string | undefined> {
  const entry = await store.get(key);
  if (Date.now() - entry.at > CACHE_ENTRY_TIMEOUT) {
    await store.del(key);
    return undefined;
  }
  return entry.value;
}

// A deadline loop: the time since this operation started, compared while it waits.
const READY_TIMEOUT = 10_000; // expect: no-hardcoded-timeout
export async function waitUntilReady(): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < READY_TIMEOUT) {
    if (ready()) return;
    await sleep(100);
  }
  throw new Error("not ready");
}

// A sweep of pending requests that fails what it drops: each request's wait is bounded by it.
const REQUEST_TIMEOUT = 15_000; // expect: no-hardcoded-timeout
const pending = new Map<string, { sentAt: number; reject(error: Error): void }>();
export function sweepPending(): void {
  for (const [id, request] of pending) {
    if (Date.now() - request.sentAt > REQUEST_TIMEOUT) {
      pending.delete(id);
      request.reject(new Error("request timed out"));
    }
  }
}

// A conditional on elapsed time that fails the wait, not one that drops a stale value.
const POLL_TIMEOUT = 2_000; // expect: no-hardcoded-timeout
export function checkPoll(startedAt: number): void {
  return Date.now() - startedAt > POLL_TIMEOUT ? fail() : undefined;
}
declare function fail(): void;

// How long to wait for a lock, and a blocking pop's timeout: waits.
const LOCK_ACQUIRE_TIMEOUT = 5_000; // expect: no-hardcoded-timeout
const BLPOP_TIMEOUT = 5; // expect: no-hardcoded-timeout
export async function take(): Promise<string[] | null> {
  const release = await mutex.acquire("jobs", { timeout: LOCK_ACQUIRE_TIMEOUT });
  try {
    return await redis.blpop("jobs", BLPOP_TIMEOUT);
  } finally {
    release();
  }
}
