import { parseJson } from "./json.ts";

/**
 * Every setting a deployment can change: its key in the config object and the config
 * file, the environment variable that overrides it, and whether its value is a secret.
 * Loading, `org-config env`, the JSON Schema's key list, the README table and the docs
 * reference are all built from this list.
 */
export interface Setting {
  /** Dotted path in the config object and in the JSON config file. */
  readonly key: string;
  /** Environment variable that overrides the key; absent for settings only a config file can hold. */
  readonly env?: string;
  /** How the environment variable's text becomes a value. */
  readonly parse: "enum" | "integer" | "json";
  /** The value may hold credentials: never printed. */
  readonly sensitive: boolean;
  /** Exported by `org-config env` as `<env>` and, for durations, `<env without _MS>_S` in seconds. */
  readonly exported: boolean;
}

export const SETTINGS: readonly Setting[] = [
  { key: "ENV", env: "ORG_ENV", parse: "enum", sensitive: false, exported: true },
  { key: "TIMEOUT", env: "ORG_TIMEOUT_MS", parse: "integer", sensitive: false, exported: true },
  { key: "timeouts.connect", env: "ORG_CONNECT_TIMEOUT_MS", parse: "integer", sensitive: false, exported: true },
  { key: "timeouts.call", env: "ORG_CALL_TIMEOUT_MS", parse: "integer", sensitive: false, exported: true },
  { key: "timeouts.test", env: "ORG_TEST_TIMEOUT_MS", parse: "integer", sensitive: false, exported: true },
  { key: "regions", env: "ORG_REGIONS", parse: "json", sensitive: true, exported: false },
  { key: "cache.maxTtlMs", env: "ORG_CACHE_MAX_TTL_MS", parse: "integer", sensitive: false, exported: true },
  { key: "cache.opTimeoutMs", env: "ORG_CACHE_OP_TIMEOUT_MS", parse: "integer", sensitive: false, exported: true },
];

/**
 * Settings only a config file (or `loadConfig({ values })`) can hold: deliberate exceptions that an
 * environment variable should not switch on. Kept apart so that every entry of SETTINGS has a variable.
 */
export const FILE_SETTINGS: readonly Setting[] = [
  { key: "allowMissingRegions", parse: "json", sensitive: false, exported: false },
];

/** Every key a config file may hold. */
export const ALL_SETTINGS: readonly Setting[] = [...SETTINGS, ...FILE_SETTINGS];

/** The environment variable naming the JSON config file. */
export const CONFIG_FILE_ENV = "ORG_CONFIG_FILE";

/** Text that could not be read as a value, kept so validation can say why and where. */
export class Unparsable {
  constructor(readonly reason: string) {}
}

/**
 * The one number grammar of every source: plain decimal digits, no sign, spaces, leading zeros,
 * fraction, exponent or unit. In the environment that is the whole text (`30000`); in a file, a
 * JSON number written the same way (a string such as `"30000"` is refused).
 */
export const INTEGER_TEXT = /^(0|[1-9]\d{0,14})$/;

/** Turns an environment variable's text into the value it spells, or an `Unparsable` saying why not. */
export function parseEnvText(parse: Setting["parse"], raw: string): unknown {
  switch (parse) {
    case "enum":
      return raw;
    case "integer":
      return INTEGER_TEXT.test(raw)
        ? Number(raw)
        : new Unparsable("must be a positive whole number of milliseconds, for example 30000");
    case "json": {
      const parsed = parseJson(raw);
      return parsed.ok ? parsed.value : new Unparsable(`is not valid JSON: ${parsed.reason}`);
    }
  }
}

/** The object keys of the settings tree (`timeouts`, `cache`) and the leaves under each. */
export function settingsTree(): Map<string, Setting | Map<string, Setting>> {
  const tree = new Map<string, Setting | Map<string, Setting>>();
  for (const setting of ALL_SETTINGS) {
    const [head, leaf] = setting.key.split(".") as [string, string | undefined];
    if (leaf === undefined) tree.set(head, setting);
    else {
      const branch = (tree.get(head) as Map<string, Setting> | undefined) ?? new Map<string, Setting>();
      branch.set(leaf, setting);
      tree.set(head, branch);
    }
  }
  return tree;
}
