import { loadConfig } from "@org/config";

/**
 * The test profile (see the README, "Test profile"): the dev environment with a short TIMEOUT,
 * so that tests which wait for a timeout on purpose finish in well under a second. Tests derive
 * every delay from it rather than writing durations of their own.
 */
export const testConfig = loadConfig({ env: { ORG_ENV: "dev", ORG_TIMEOUT_MS: "300" } });
