export { config } from "./config.ts";
export { ConfigError, type ConfigIssue } from "./errors.ts";
export { toEnvLines, toTable } from "./format.ts";
export { loadConfig, type LoadConfigOptions } from "./load.ts";
export { configJsonSchema } from "./json-schema.ts";
export {
  ClusterSchema,
  ConfigSchema,
  ENVIRONMENTS,
  MAX_TIMEOUT_MS,
  RegionSchema,
  type Cluster,
  type Environment,
  type OrgConfig,
  type Region,
  type Topology,
} from "./schema.ts";
export { connectionUrl, redactUrl } from "./secrets.ts";
export { SETTINGS, type Setting } from "./settings.ts";
export { configReference, type ConfigReferenceRow } from "./reference.ts";
