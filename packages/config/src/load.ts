import { readFileSync } from "node:fs";
import convict from "convict";
import type { z } from "zod";
import { ConfigError, type ConfigIssue } from "./errors.ts";
import { PROFILES, TEST_RETRY_ALLOWANCE } from "./profiles.ts";
import { ConfigSchema, ENVIRONMENTS, type ConfigValues, type Environment, type OrgConfig } from "./schema.ts";
import { redactUrl, rememberUrl } from "./secrets.ts";
import { CONFIG_FILE_ENV, CONVICT_FORMATS, SETTINGS, Unparsable, convictSchema, type Setting } from "./settings.ts";

convict.addFormats(Object.fromEntries(CONVICT_FORMATS.map((format) => [format.name, format])));

/** Where `loadConfig` reads from. Nothing is read from the process unless passed in. */
export interface LoadConfigOptions {
  /**
   * Environment variables (`ORG_ENV`, `ORG_TIMEOUT_MS`, `ORG_CONFIG_FILE`, ...).
   * @default {} (pass `process.env` to read the process environment)
   * @example loadConfig({ env: { ORG_ENV: "staging" } }).TIMEOUT // 30000
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Path of a JSON config file. Takes the place of `ORG_CONFIG_FILE`.
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

type Layer = { label: string; data: Record<string, unknown> };

/**
 * Builds a validated, frozen configuration without touching globals.
 * Precedence: built-in defaults < environment profile < file < `values` < environment variables.
 * @throws {ConfigError} listing every problem, each with its source.
 */
export function loadConfig(options: LoadConfigOptions = {}): OrgConfig {
  const env = options.env ?? {};
  const issues: ConfigIssue[] = [];
  const layers: Layer[] = [];

  const filePath = options.file ?? env[CONFIG_FILE_ENV];
  if (filePath !== undefined) {
    const fileLayer = readConfigFile(filePath, options.file === undefined ? CONFIG_FILE_ENV : "file", issues);
    if (fileLayer) layers.push(fileLayer);
  }
  if (options.values) layers.push({ label: "loadConfig values", data: options.values });

  const environment = chooseEnvironment(env, layers, issues);
  const profile = PROFILES[environment];

  // convict does the layering and refuses unknown keys; it never sees a default of its own,
  // so what zod validates below is exactly what the profile, file and env vars said.
  const layered = convict(convictSchema(), { env: env as NodeJS.ProcessEnv, args: [] });
  layered.load({ TIMEOUT: profile.TIMEOUT, cache: profile.cache, regions: profile.regions });
  for (const layer of layers) layered.load(layer.data);
  try {
    layered.validate({ allowed: "strict" });
  } catch (error) {
    for (const line of (error as Error).message.split("\n")) {
      const key = /param '([^']+)'/.exec(line)?.[1] ?? "";
      issues.push({
        source: describeSource(key, env, layers, environment),
        key,
        message: line.includes("not declared")
          ? `"${key}" is not a setting (known: ${SETTINGS.map((s) => s.key).join(", ")})`
          : line,
      });
    }
  }

  const raw = layered.getProperties() as Record<string, unknown>;
  raw.ENV ??= environment;
  const unparsable = new Set<string>();
  for (const setting of SETTINGS) {
    const value = getPath(raw, setting.key);
    if (value instanceof Unparsable) {
      unparsable.add(setting.key);
      const shown = setting.sensitive ? "" : ` (got ${JSON.stringify(value.raw)})`;
      issues.push({
        source: describeSource(setting.key, env, layers, environment),
        key: setting.key,
        message: `${value.reason}${shown}`,
      });
    }
  }
  deriveTimeouts(raw, environment);

  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const key = formatPath(zodIssue.path);
      // Text that could not be read is reported once, as itself, not again as a wrong type.
      if (unparsable.has(settingFor(key)?.key ?? "")) continue;
      issues.push({
        source: describeSource(key, env, layers, environment),
        key,
        message: describeProblem(zodIssue, key, env),
      });
    }
  }
  if (issues.length > 0 || !parsed.success) {
    throw new ConfigError(issues, { cause: parsed.success ? undefined : parsed.error });
  }
  return freeze(parsed.data);
}

function readConfigFile(path: string, via: string, issues: ConfigIssue[]): Layer | undefined {
  const label = `config file ${path}${via === CONFIG_FILE_ENV ? ` (from ${CONFIG_FILE_ENV})` : ""}`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    issues.push({ source: label, key: "", message: `cannot be read (${code}); check the path and its permissions` });
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    issues.push({ source: label, key: "", message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    issues.push({ source: label, key: "", message: "must hold a JSON object of settings" });
    return undefined;
  }
  return { label, data: data as Record<string, unknown> };
}

function chooseEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  layers: Layer[],
  issues: ConfigIssue[],
): Environment {
  const fromLayers = layers.map((layer) => layer.data.ENV).findLast((value) => value !== undefined);
  const named = env.ORG_ENV ?? fromLayers;
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

// Named timeouts follow TIMEOUT unless set: a 45 s TIMEOUT gives tests 4 x 45 s, not 4 x 5 s.
function deriveTimeouts(raw: Record<string, unknown>, environment: Environment): void {
  const timeouts = (raw.timeouts ?? {}) as Record<string, unknown>;
  // An invalid TIMEOUT is reported once, as itself, not again through the timeouts derived from it.
  const valid = ConfigSchema.shape.TIMEOUT.safeParse(raw.TIMEOUT).success;
  const timeout = valid ? (raw.TIMEOUT as number) : PROFILES[environment].TIMEOUT;
  timeouts.connect ??= Math.min(PROFILES[environment].timeouts.connect, timeout);
  timeouts.test ??= timeout * (1 + TEST_RETRY_ALLOWANCE);
  raw.timeouts = timeouts;
}

function settingFor(key: string): Setting | undefined {
  return SETTINGS.find((s) => key === s.key || key.startsWith(`${s.key}.`) || key.startsWith(`${s.key}[`));
}

function describeSource(
  key: string,
  env: Readonly<Record<string, string | undefined>>,
  layers: Layer[],
  environment: Environment,
): string {
  const setting = settingFor(key);
  if (setting && env[setting.env] !== undefined) {
    const rest = key.slice(setting.key.length);
    return rest ? `${setting.env} at $${rest}` : setting.env;
  }
  const layer = layers.findLast((l) => hasPath(l.data, key));
  if (layer) return `${layer.label} at $.${key}`;
  if (setting?.key === "timeouts.connect" || setting?.key === "timeouts.test") return `${key} (derived from TIMEOUT)`;
  return `${key} (default for ${environment})`;
}

function describeProblem(
  issue: z.core.$ZodIssue,
  key: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const setting = settingFor(key);
  if (setting && !setting.sensitive && setting.key === key && env[setting.env] !== undefined) {
    return `${issue.message} (got ${JSON.stringify(env[setting.env])})`;
  }
  if (issue.code === "invalid_value" && setting?.key === "ENV") {
    return `${issue.message} (got ${JSON.stringify(issue.input)})`;
  }
  return issue.message;
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

function hasPath(data: Record<string, unknown>, key: string): boolean {
  const top = key.split(/[.[]/)[0] ?? "";
  const setting = settingFor(key);
  return getPath(data, setting?.key ?? top) !== undefined;
}

function freeze(values: ConfigValues): OrgConfig {
  const regions = values.regions.map((region) =>
    Object.freeze({
      ...region,
      clusters: Object.freeze(
        region.clusters.map((cluster) => {
          const safe = Object.freeze({
            ...cluster,
            url: redactUrl(cluster.url),
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
    timeouts: Object.freeze({ ...values.timeouts }),
    regions,
    topology: Object.freeze({ regions }),
    cache: Object.freeze({ ...values.cache }),
  });
}
