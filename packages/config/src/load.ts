import { ConfigError, plural, type ConfigIssue } from "./errors.ts";
import { PROFILES } from "./profiles.ts";
import { CALL_TIMEOUT_FACTOR, TEST_TIMEOUT_FACTOR } from "./factors.ts";
import { ConfigSchema, type ConfigValues } from "./schema.ts";
import { redactUrl, rememberUrl } from "./secrets.ts";
import { ALL_SETTINGS, CONFIG_FILE_ENV, type Setting } from "./settings.ts";
import { Unparsable, envLayer, objectLayer, readConfigFile, sourceOf, type Layer } from "./sources.ts";
import { loadSettings } from "./store.ts";
import { ENVIRONMENTS, type Environment, type OrgConfig } from "./types.ts";

/** Where `loadConfig` reads from. Nothing is read from the process unless passed in. */
export interface LoadConfigOptions {
  /**
   * Environment variables (`ORG_ENV`, `ORG_TIMEOUT_MS`, `ORG_CONFIG_FILE`, ...).
   * @default {} (pass `process.env` to read the process environment)
   * @example loadConfig({ env: { ORG_ENV: "staging" } }).TIMEOUT // 30000
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Path of a JSON config file (a regular file of at most 1 MiB). Takes the place of `ORG_CONFIG_FILE`.
   * @default env.ORG_CONFIG_FILE
   */
  file?: string;
  /**
   * Settings as a config file would hold them, already parsed; applied after the file.
   * @default {}
   * @example loadConfig({ values: { cache: { opTimeoutMs: 100 } } })
   */
  values?: Record<string, unknown>;
}

/** A loaded configuration and what `org-config validate` should warn about. */
export interface ResolvedConfig {
  readonly config: OrgConfig;
  /** Accepted on purpose but worth saying, such as regions left out through `allowMissingRegions`. */
  readonly warnings: readonly string[];
}

/**
 * Builds a validated, frozen configuration without touching globals.
 * Precedence: environment profile < config file < `values` < environment variables.
 * @throws {ConfigError} listing every problem, each with its source.
 */
export function loadConfig(options: LoadConfigOptions = {}): OrgConfig {
  return resolveConfig(options).config;
}

/** `loadConfig` with the warnings `org-config validate` prints. */
export function resolveConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? {};
  const issues: ConfigIssue[] = [];
  const layers: Layer[] = [];

  const filePath = options.file ?? env[CONFIG_FILE_ENV];
  if (filePath !== undefined) {
    const layer = readConfigFile(filePath, options.file === undefined, issues);
    if (layer) layers.push(layer);
  }
  if (options.values !== undefined) {
    const layer = objectLayer("loadConfig values", options.values, issues);
    if (layer) layers.push(layer);
  }

  // convict loads twice: first without defaults, to learn which environment the sources name;
  // then over that environment's profile.
  const named = loadSettings(new Map(), layers, env).ENV;
  const environment = chooseEnvironment(named, env, issues);
  const raw = loadSettings(profileDefaults(environment), layers, env);
  const envLayerValues = envLayer(env);
  const origin = new Map<string, Layer>();
  for (const layer of [...layers, envLayerValues]) for (const key of layer.values.keys()) origin.set(key, layer);

  const unparsable = new Set<string>();
  for (const setting of ALL_SETTINGS) {
    const layer = origin.get(setting.key);
    const value = getPath(raw, setting.key);
    if (value instanceof Unparsable) {
      unparsable.add(setting.key);
      const got = setting.sensitive || layer?.kind !== "env" ? "" : ` (got ${quote(env[setting.env!] ?? "")})`;
      issues.push({
        source: sourceOf(setting.key, setting, layer, setting.key),
        key: setting.key,
        message: `${value.reason}${got}`,
      });
    }
  }
  deriveTimeouts(raw, environment);

  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) {
    issues.push(...missingRegions(parsed.data, environment, origin).errors);
  } else {
    for (const zodIssue of parsed.error.issues.slice(0, 1000)) {
      const key = formatPath(zodIssue.path);
      const setting = settingFor(key);
      // Text that could not be read is reported once, as itself, not again as a wrong type.
      if (setting && unparsable.has(setting.key)) continue;
      const layer = setting ? origin.get(setting.key) : undefined;
      issues.push({
        source: sourceOf(key, setting, layer, defaultSource(key, setting, environment)),
        key,
        message: `${zodIssue.message}${gotValue(key, setting, layer, raw, env)}`,
      });
    }
  }
  if (issues.length > 0 || !parsed.success) {
    throw new ConfigError(issues, parsed.success ? {} : { cause: parsed.error });
  }
  return { config: freeze(parsed.data), warnings: missingRegions(parsed.data, environment, origin).warnings };
}

function chooseEnvironment(
  named: unknown,
  env: Readonly<Record<string, string | undefined>>,
  issues: ConfigIssue[],
): Environment {
  if (named === undefined && env.NODE_ENV === "production") {
    issues.push({
      source: "ORG_ENV",
      key: "ENV",
      message:
        "is not set while NODE_ENV=production; set ORG_ENV=prod (or staging): dev timeouts are never guessed in production",
    });
  }
  return ENVIRONMENTS.includes(named as Environment) ? (named as Environment) : "dev";
}

/** The profile as convict defaults, by setting key; the named timeouts are derived, not defaulted. */
function profileDefaults(environment: Environment): Map<string, unknown> {
  const profile = PROFILES[environment];
  return new Map<string, unknown>([
    ["ENV", environment],
    ["TIMEOUT", profile.TIMEOUT],
    ["regions", profile.regions],
    ["cache.maxTtlMs", profile.cache.maxTtlMs],
    ["cache.opTimeoutMs", profile.cache.opTimeoutMs],
  ]);
}

// Named timeouts follow TIMEOUT unless set: a 45 s TIMEOUT gives calls 3 x 45 s and tests 4 x 45 s.
function deriveTimeouts(raw: Record<string, unknown>, environment: Environment): void {
  const timeouts = raw.timeouts as Record<string, unknown>;
  // An invalid TIMEOUT is reported once, as itself, not again through the timeouts derived from it.
  const valid = ConfigSchema.shape.TIMEOUT.safeParse(raw.TIMEOUT).success;
  const timeout = valid ? (raw.TIMEOUT as number) : PROFILES[environment].TIMEOUT;
  timeouts.connect ??= Math.min(PROFILES[environment].timeouts.connect, timeout);
  timeouts.test ??= timeout * TEST_TIMEOUT_FACTOR;
  const test = typeof timeouts.test === "number" ? timeouts.test : timeout * TEST_TIMEOUT_FACTOR;
  timeouts.call ??= Math.min(timeout * CALL_TIMEOUT_FACTOR, test);
}

/**
 * The regions of the environment's profile that a staging or prod topology leaves out: the
 * seed's bug (a key revoked everywhere but APAC). Errors unless the file lists them in
 * `allowMissingRegions`; then warnings.
 */
function missingRegions(values: ConfigValues, environment: Environment, origin: Map<string, Layer>) {
  const errors: ConfigIssue[] = [];
  const warnings: string[] = [];
  if (environment === "dev") return { errors, warnings };
  const present = new Set(values.regions.map((region) => region.id));
  const missing = PROFILES[environment].regions.map((region) => region.id).filter((id) => !present.has(id));
  const allowed = new Set(values.allowMissingRegions ?? []);
  const refused = missing.filter((id) => !allowed.has(id));
  const regionsSource = sourceOf(
    "regions",
    ALL_SETTINGS.find((s) => s.key === "regions"),
    origin.get("regions"),
    "regions",
  );
  if (refused.length > 0) {
    const them = refused.length === 1 ? "it" : "them";
    errors.push({
      source: regionsSource,
      key: "regions",
      message: `lacks ${refused.length === 1 ? "region" : "regions"} ${refused.join(", ")} of the ${environment} profile (${plural(values.regions.length, "region")} given): an invalidation would never reach ${them}. Add ${them}, or list ${them} under "allowMissingRegions" in the config file to leave ${them} out on purpose.`,
    });
  }
  for (const id of missing.filter((m) => allowed.has(m))) {
    warnings.push(
      `region ${id} of the ${environment} profile is left out (allowMissingRegions): invalidations will not reach it`,
    );
  }
  return { errors, warnings };
}

function settingFor(key: string): Setting | undefined {
  return ALL_SETTINGS.find((s) => key === s.key || key.startsWith(`${s.key}.`) || key.startsWith(`${s.key}[`));
}

function defaultSource(key: string, setting: Setting | undefined, environment: Environment): string {
  if (setting?.key.startsWith("timeouts.")) return `${key} (derived from TIMEOUT)`;
  return `${key || "configuration"} (default for ${environment})`;
}

// The offending value, for settings that are not secret and were given whole.
function gotValue(
  key: string,
  setting: Setting | undefined,
  layer: Layer | undefined,
  raw: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (!setting || setting.sensitive || setting.key !== key || !layer) return "";
  const value = layer.kind === "env" ? env[setting.env!] : getPath(raw, key);
  return ` (got ${quote(value)})`;
}

function quote(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    "",
  );
}

function getPath(data: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], data);
}

function freeze(values: ConfigValues): OrgConfig {
  const regions = values.regions.map((region) =>
    Object.freeze({
      id: region.id,
      geo: region.geo,
      clusters: Object.freeze(
        region.clusters.map((cluster) => {
          const safe = Object.freeze({
            id: cluster.id,
            url: redactUrl(cluster.url),
            mode: cluster.mode,
            ...(cluster.seeds ? { seeds: Object.freeze(cluster.seeds.map(redactUrl)) } : {}),
          });
          rememberUrl(safe, cluster.url);
          return safe;
        }),
      ),
    }),
  );
  Object.freeze(regions);
  return Object.freeze({
    ENV: values.ENV,
    TIMEOUT: values.TIMEOUT,
    timeouts: Object.freeze({
      connect: values.timeouts.connect,
      call: values.timeouts.call,
      test: values.timeouts.test,
    }),
    regions,
    topology: Object.freeze({ regions }),
    cache: Object.freeze({ ...values.cache }),
  });
}
