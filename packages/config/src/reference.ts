import { configJsonSchema } from "./json-schema.ts";
import { loadConfig } from "./load.ts";
import { ENVIRONMENTS, type Environment, type OrgConfig } from "./schema.ts";
import { SETTINGS } from "./settings.ts";

/** One setting, as the docs' config reference shows it. */
export interface ConfigReferenceRow {
  key: string;
  env: string;
  type: string;
  description: string;
  sensitive: boolean;
  /** The default in each environment, as text. */
  defaults: Record<Environment, string>;
}

type SchemaNode = { type?: string; description?: string; properties?: Record<string, SchemaNode> };

/** Every setting with its environment variable, type, description and per-environment default. */
export function configReference(): ConfigReferenceRow[] {
  const schema = configJsonSchema() as SchemaNode;
  const configs = Object.fromEntries(ENVIRONMENTS.map((env) => [env, loadConfig({ env: { ORG_ENV: env } })])) as Record<
    Environment,
    OrgConfig
  >;
  return SETTINGS.map((setting) => {
    const node = setting.key.split(".").reduce<SchemaNode | undefined>((n, part) => n?.properties?.[part], schema);
    const defaults = Object.fromEntries(
      ENVIRONMENTS.map((env) => {
        const value = setting.key
          .split(".")
          .reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], configs[env]);
        if (setting.key === "regions") {
          const regions = value as OrgConfig["regions"];
          const host = regions[0]?.clusters[0]?.url.replace(/:\d+$/, "") ?? "";
          return [env, `${regions.length} regions x ${regions[0]?.clusters.length ?? 0} clusters (${host}...)`];
        }
        return [env, String(value)];
      }),
    ) as Record<Environment, string>;
    return {
      key: setting.key,
      env: setting.env,
      type: node?.type ?? "object",
      description: node?.description ?? "",
      sensitive: setting.sensitive,
      defaults,
    };
  });
}
