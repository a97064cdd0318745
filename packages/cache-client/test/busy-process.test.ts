import { describe, expect, it } from "vitest";
import { CacheError } from "../src/index.ts";
import { freshKey, useLocalRegions, valueKey, withRaw } from "./helpers.ts";
import { hasRedis, OP_TIMEOUT_MS } from "./profile.ts";

// A loaded process reads a reply late: its event loop was busy between sending a command and
// reading the answer. Every call must still settle within its bound's rules, whatever order the
// late reply and the call's own timers are handled in. The busy spell is made by moving the
// monotonic clock (performance.now, which the cache reads for every interval) past the bound while
// the command is in flight: deterministic, where blocking the event loop for real is not.
describe.skipIf(!hasRedis)("a busy process", () => {
  const { local, caches } = useLocalRegions();

  it("a read whose first cluster's failure is read only after the whole bound has passed settles (it hung forever)", async () => {
    const cache = caches.open("us-east-1");
    const key = freshKey();
    // us-east-1-a answers a GET of this key with an error reply (WRONGTYPE): a failure that comes
    // in as I/O, not from a timer.
    await withRaw(local(), "us-east-1-a", (c) => c.hset(valueKey(key), "not", "a string"));
    // Connected, so the read below is sent at once.
    await cache.get(freshKey());
    const realNow = performance.now.bind(performance);
    let busyMs = 0;
    performance.now = () => realNow() + busyMs;
    try {
      const read = cache.get(key);
      // The process is busy for twice the bound before it reads the reply.
      busyMs = 2 * OP_TIMEOUT_MS;
      const error = (await read.catch((e: unknown) => e)) as CacheError;
      expect(error).toBeInstanceOf(CacheError);
      expect(error.code).toBe("ORG_CACHE_UNAVAILABLE");
      expect(error.message).toMatch(/us-east-1-a: rejected/);
    } finally {
      performance.now = realNow;
    }
  });
});
