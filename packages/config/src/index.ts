export { config } from "./config.ts";
export { ConfigError, type ConfigIssue } from "./errors.ts";
export { ENV_FORMATS, formatEnv, toEnvLines, toTable, type EnvFormat } from "./format.ts";
export { loadConfig, type LoadConfigOptions } from "./load.ts";
export { configJsonSchema, type JsonSchema } from "./json-schema.ts";
export {
  ENVIRONMENTS,
  MAX_TIMEOUT_MS,
  type CacheSettings,
  type Cluster,
  type Environment,
  type OrgConfig,
  type Region,
  type Timeouts,
  type Topology,
} from "./types.ts";
export { CALL_TIMEOUT_FACTOR, TEST_TIMEOUT_FACTOR } from "./factors.ts";
export { connectionUrl, redactUrl, RedactedUrlError } from "./secrets.ts";
export { SETTINGS, type Setting } from "./settings.ts";
export { configReference, type ConfigReferenceRow } from "./reference.ts";
export { CONFIG_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
