import { mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

// The browser files spend their time waiting on the one shared Chromium (test/global-setup.ts), not on
// their worker: two files side by side keep the browser busy on both cores (vitest's default on 2 cores
// is one worker: the files ran one after the other). pages.test.ts checks two pages at a time, one tab
// each (its CONCURRENT_PAGES).
export default mergeConfig(sharedTestConfig, {
  test: { globalSetup: ["test/global-setup.ts"], maxWorkers: 2, maxConcurrency: 2 },
});
