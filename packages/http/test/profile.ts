import { loadConfig } from "@org/config";

/**
 * The test profile (see the README, "Test profile"): the dev environment with a short TIMEOUT,
 * so that tests which wait for a timeout on purpose finish in well under a second. Tests derive
 * every delay from it rather than writing durations of their own.
 */
export const testConfig = loadConfig({ env: { ORG_ENV: "dev", ORG_TIMEOUT_MS: "300" } });

/**
 * The dev profile as shipped (TIMEOUT 5000), for tests that do not wait for a timeout on purpose:
 * on a loaded machine a loopback answer can take longer than the test profile's 300 ms, and such a
 * test must not fail for it.
 */
export const devConfig = loadConfig({ env: { ORG_ENV: "dev" } });
