import { loadConfig } from "@org/config";

const { timeouts } = loadConfig({ env: process.env });

/**
 * Hooks that run the real tools several times (vitest, pytest, a PostgreSQL cluster) get a few
 * request-with-retries budgets from @org/config, never a literal of their own.
 */
export const TOOL_HOOK_TIMEOUT = timeouts.test * 15;
