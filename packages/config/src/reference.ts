import { configJsonSchema } from "./json-schema.ts";
import { loadConfig } from "./load.ts";
import { ALL_SETTINGS } from "./settings.ts";
import { ENVIRONMENTS, type Environment, type OrgConfig } from "./types.ts";

/** One setting, as the docs' config reference and the README table show it. */
export interface ConfigReferenceRow {
  /** Dotted key in `config` and in the config file. */
  readonly key: string;
  /** The environment variable that sets it, or `(config file only)`. */
  readonly env: string;
  /** JSON Schema type: `integer`, `string`, `array`. */
  readonly type: string;
  readonly description: string;
  /** The value may hold credentials and is never printed. */
  readonly sensitive: boolean;
  /** The default in each environment, as text. */
  readonly defaults: Readonly<Record<Environment, string>>;
}

type SchemaNode = { type?: string; description?: string; properties?: Record<string, SchemaNode> };

/** Every setting of the settings list with its environment variable, type, description and per-environment default. */
export function configReference(): ConfigReferenceRow[] {
  const schema = configJsonSchema() as SchemaNode;
  const configs = Object.fromEntries(ENVIRONMENTS.map((env) => [env, loadConfig({ env: { ORG_ENV: env } })])) as Record<
    Environment,
    OrgConfig
  >;
  return ALL_SETTINGS.map((setting) => {
    const node = setting.key.split(".").reduce<SchemaNode | undefined>((n, part) => n?.properties?.[part], schema);
    const defaults = Object.fromEntries(
      ENVIRONMENTS.map((env) => {
        const value = setting.key
          .split(".")
          .reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], configs[env]);
        if (setting.key === "regions") {
          const regions = value as OrgConfig["regions"];
          const host = regions[0]?.clusters[0]?.url.replace(/:\d+$/, "") ?? "";
          return [env, `${regions.length} regions x ${regions[0]?.clusters.length ?? 0} clusters (${host}...)`];
        }
        return [env, value === undefined ? "none" : String(value)];
      }),
    ) as Record<Environment, string>;
    return {
      key: setting.key,
      env: setting.env ?? "(config file only)",
      type: node?.type ?? "object",
      description: node?.description ?? "",
      sensitive: setting.sensitive,
      defaults,
    };
  });
}

/** The reference as the Markdown table in the README (`org-config reference --format markdown`). */
export function configReferenceMarkdown(): string {
  const rows = configReference().map((row) => [
    row.env.startsWith("(") ? row.env : `\`${row.env}\``,
    `\`${row.key}\``,
    ...ENVIRONMENTS.map((env) => row.defaults[env]),
  ]);
  const header = ["variable", "key", ...ENVIRONMENTS];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
