import { inspect } from "node:util";
import { loadConfig } from "./load.ts";
import type { OrgConfig } from "./schema.ts";

let loaded: OrgConfig | undefined;

// Loaded on first access, not at import: importing stays cheap, and a bad ORG_* variable
// fails where the value is first needed, with a ConfigError naming the variable.
function current(): OrgConfig {
  loaded ??= loadConfig({ env: process.env });
  return loaded;
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
 * @throws {ConfigError} on first access when an `ORG_*` variable or the config file is invalid.
 */
export const config: OrgConfig = Object.freeze(
  Object.defineProperties({} as OrgConfig, {
    ...Object.fromEntries(KEYS.map((key) => [key, { enumerable: true, get: () => current()[key] }])),
    toJSON: { value: () => current() },
    [inspect.custom]: { value: (_depth: number, options: object) => inspect(current(), options) },
  }),
);
