import { inspect } from "node:util";
import { loadConfig } from "./load.ts";
import type { OrgConfig } from "./types.ts";

let outcome: { config: OrgConfig } | { error: unknown } | undefined;

// Loaded on first access, not at import: importing stays cheap, and a bad ORG_* variable
// fails where the value is first needed, with a ConfigError naming the variable. The outcome,
// failed or not, is fixed then: a later access never sees a changed environment.
function current(): OrgConfig {
  if (outcome === undefined) {
    try {
      outcome = { config: loadConfig({ env: process.env }) };
    } catch (error) {
      outcome = { error };
    }
  }
  if ("error" in outcome) throw outcome.error;
  return outcome.config;
}

const KEYS = [
  "ENV",
  "TIMEOUT",
  "timeouts",
  "regions",
  "topology",
  "cache",
] as const satisfies readonly (keyof OrgConfig)[];

/**
 * The configuration of this process, read from its environment on first access and then fixed.
 * @example
 * import { config } from "@org/config";
 * await fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });
 * @throws {ConfigError} on first access (and every later one) when an `ORG_*` variable or the config file is invalid.
 */
export const config: OrgConfig = Object.freeze(
  Object.defineProperties({} as OrgConfig, {
    ...Object.fromEntries(KEYS.map((key) => [key, { enumerable: true, get: () => current()[key] }])),
    toJSON: { value: () => current() },
    [inspect.custom]: { value: (_depth: number, options: object) => inspect(current(), options) },
  }),
);
