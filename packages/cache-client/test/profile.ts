import { loadConfig } from "@org/config";
import { findRedisServer } from "../src/testing/index.ts";

/**
 * The test profile (README, "Test profile"): dev with a short Redis operation bound, so that
 * tests which hang a cluster on purpose finish quickly. Every wait in these tests derives from it.
 */
export const testConfig = loadConfig({ env: { ORG_ENV: "dev", ORG_CACHE_OP_TIMEOUT_MS: "500" } });
export const OP_TIMEOUT_MS = testConfig.cache.opTimeoutMs;

/**
 * Redis-backed suites run against real redis-server processes. Under CI=true a missing server is
 * a failure; elsewhere the suite is skipped with a message saying how to install it.
 */
export const hasRedis = (() => {
  const found = findRedisServer() !== undefined;
  if (!found && process.env.CI) {
    throw new Error("CI=true but redis-server is not installed: .ci/run must apt-get install redis-server");
  }
  if (!found)
    console.warn(
      "\n  redis-server not found: Redis integration tests are SKIPPED. Install it: apt-get install redis-server\n",
    );
  return found;
})();

/**
 * Polls `check` every half op timeout until it passes; by default for up to 60% of the test
 * timeout (`config.timeouts.test`), so a loaded machine slows it down without failing it.
 */
export async function eventually(
  check: () => Promise<void>,
  rounds = Math.floor((0.6 * testConfig.timeouts.test) / (OP_TIMEOUT_MS / 2)),
): Promise<void> {
  let last: unknown;
  for (let i = 0; i < rounds; i++) {
    try {
      await check();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, OP_TIMEOUT_MS / 2));
    }
  }
  throw last;
}
