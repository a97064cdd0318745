import convict from "convict";
import { ALL_SETTINGS, parseEnvText, type Setting } from "./settings.ts";

// convict loads: its schema is built from the settings list (key, environment variable,
// sensitivity, how text becomes a value), its defaults are the environment's profile, and its
// precedence puts environment variables over everything set from files. Validation is zod's job
// (schema.ts): convict's own checks are no-ops here, and its error text is never parsed.

/** One convict format per way of reading text; only environment text reaches `coerce`. */
const FORMATS = Object.fromEntries(
  (["enum", "integer", "json"] as const).map((parse) => [
    formatName(parse),
    {
      validate: () => {},
      coerce: (text: string) => parseEnvText(parse, text),
    },
  ]),
);
convict.addFormats(FORMATS);

function formatName(parse: Setting["parse"]): string {
  // Prefixed: convict's format registry is global to the process, shared with an app's own convict.
  return `org-config-${parse}`;
}

// The part of convict's API used here, with the keys as the settings list spells them.
interface Store {
  set(key: string, value: unknown): unknown;
  load(values: object): unknown;
  getProperties(): Record<string, unknown>;
}

/** A setting's value in an object layer (config file, `loadConfig({ values })`), already typed. */
export interface ObjectValues {
  readonly values: ReadonlyMap<string, unknown>;
}

/**
 * The values convict loaded, as a plain tree: `defaults` (the profile, or nothing), then each
 * object layer in order, then the environment variables of the settings list over all of them.
 */
export function loadSettings(
  defaults: ReadonlyMap<string, unknown>,
  layers: readonly ObjectValues[],
  env: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const schema: Record<string, Record<string, unknown>> = {};
  for (const setting of ALL_SETTINGS) {
    const [head, leaf] = setting.key.split(".") as [string, string | undefined];
    const node = {
      doc: setting.key,
      format: formatName(setting.parse),
      default: defaults.get(setting.key),
      sensitive: setting.sensitive,
      ...(setting.env === undefined ? {} : { env: setting.env }),
    };
    if (leaf === undefined) schema[head] = node;
    else (schema[head] ??= {})[leaf] = node;
  }
  // `args: []`: convict would otherwise read process.argv (see the design note on convict and ky).
  const store: Store = convict(schema as convict.Schema<Record<string, unknown>>, {
    env: env as NodeJS.ProcessEnv,
    args: [],
  });
  // set(), not load(): load() merges objects into convict's tree and throws a TypeError on an
  // object where a setting is a number; set() replaces the one setting. A string from a file is
  // boxed: convict's coerce would read it as environment text ("30000" as 30000), and a file holds
  // JSON values, so zod must see the string itself.
  for (const layer of layers) {
    for (const [key, value] of layer.values) store.set(key, typeof value === "string" ? new FileText(value) : value);
  }
  // Environment variables win over files: load() re-applies them after merging (here, nothing).
  store.load({});
  const loaded = store.getProperties();
  for (const setting of ALL_SETTINGS) {
    const [head, leaf] = setting.key.split(".") as [string, string | undefined];
    const parent = (leaf === undefined ? loaded : loaded[head]) as Record<string, unknown>;
    const name = leaf ?? head;
    if (parent[name] instanceof FileText) parent[name] = parent[name].text;
  }
  return loaded;
}

/** A string a config file held, kept from convict's coerce. */
class FileText {
  constructor(readonly text: string) {}
}
