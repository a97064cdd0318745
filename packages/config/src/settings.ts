import type { Schema } from "convict";

/**
 * Every setting a deployment can change: its key in the config object and the config
 * file, the environment variable that overrides it, and whether its value is a secret.
 * The convict schema, `org-config env` and the docs reference are all built from this list.
 */
export interface Setting {
  /** Dotted path in the config object and in the JSON config file. */
  key: string;
  /** Environment variable that overrides the key. */
  env: string;
  /** How the environment variable's text becomes a value. */
  parse: "enum" | "integer" | "json";
  /** The value may hold credentials: never printed. */
  sensitive: boolean;
}

export const SETTINGS: readonly Setting[] = [
  { key: "ENV", env: "ORG_ENV", parse: "enum", sensitive: false },
  { key: "TIMEOUT", env: "ORG_TIMEOUT_MS", parse: "integer", sensitive: false },
  { key: "timeouts.connect", env: "ORG_CONNECT_TIMEOUT_MS", parse: "integer", sensitive: false },
  { key: "timeouts.test", env: "ORG_TEST_TIMEOUT_MS", parse: "integer", sensitive: false },
  { key: "regions", env: "ORG_REGIONS", parse: "json", sensitive: true },
  { key: "cache.maxTtlMs", env: "ORG_CACHE_MAX_TTL_MS", parse: "integer", sensitive: false },
  { key: "cache.opTimeoutMs", env: "ORG_CACHE_OP_TIMEOUT_MS", parse: "integer", sensitive: false },
];

/** The environment variable naming the JSON config file. */
export const CONFIG_FILE_ENV = "ORG_CONFIG_FILE";

/** Marks environment text that could not be read, so validation can say why and where. */
export class Unparsable {
  constructor(
    readonly raw: string,
    readonly reason: string,
  ) {}
}

// convict layers and coerces; zod validates. So each format accepts anything and only
// turns environment text into the value it spells, keeping text it cannot read as Unparsable.
const FORMATS: Record<Setting["parse"], (raw: string) => unknown> = {
  enum: (raw) => raw,
  integer: (raw) =>
    /^\d+$/.test(raw.trim())
      ? Number(raw.trim())
      : new Unparsable(raw, "must be a positive whole number of milliseconds, for example 30000"),
  json: (raw) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch (error) {
      return new Unparsable(raw, `is not valid JSON (${(error as Error).message})`);
    }
  },
};

export const CONVICT_FORMATS = Object.entries(FORMATS).map(([parse, coerce]) => ({
  name: `org-${parse}`,
  validate: () => {},
  coerce,
}));

/** The convict schema: every setting with no default of its own (profiles supply them). */
export function convictSchema(): Schema<Record<string, unknown>> {
  const schema: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const parts = setting.key.split(".");
    let node = schema;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = {
      doc: setting.key,
      format: `org-${setting.parse}`,
      default: null,
      env: setting.env,
      sensitive: setting.sensitive,
    };
  }
  return schema as Schema<Record<string, unknown>>;
}
