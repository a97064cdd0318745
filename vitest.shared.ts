import { loadConfig } from "@org/config";
import { defineConfig } from "vitest/config";

// The test profile: tests wait as long as a request may take in this environment,
// with its retries (config.timeouts.test), never a literal copied from an example.
const { timeouts } = loadConfig({ env: process.env });

export const sharedTestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: timeouts.test,
    hookTimeout: timeouts.test,
    allowOnly: false,
    passWithNoTests: false,
  },
});
