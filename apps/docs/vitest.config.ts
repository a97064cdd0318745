import { mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

export default mergeConfig(sharedTestConfig, { test: { globalSetup: ["test/global-setup.ts"] } });
