import { SETTINGS } from "./settings.ts";
import type { OrgConfig } from "./types.ts";

/** Output shapes of `org-config env`. */
export const ENV_FORMATS = ["lines", "shell", "dotenv", "json"] as const;
export type EnvFormat = (typeof ENV_FORMATS)[number];

/**
 * The exported settings as name/value pairs for shells and services in other languages: every
 * exported setting of the settings list under its variable name, durations also in whole seconds
 * rounded up (`ORG_TIMEOUT_MS=30000`, `ORG_TIMEOUT_S=30`), and `ORG_REGION_IDS`.
 * The topology itself is left out: its URLs hold credentials.
 */
export function envPairs(config: OrgConfig): [string, string][] {
  const pairs: [string, string][] = [];
  for (const setting of SETTINGS) {
    if (!setting.exported || setting.env === undefined) continue;
    const value = setting.key.split(".").reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], config);
    pairs.push([setting.env, String(value)]);
    if (setting.parse === "integer" && setting.env.endsWith("_TIMEOUT_MS")) {
      pairs.push([`${setting.env.slice(0, -3)}_S`, String(Math.ceil((value as number) / 1000))]);
    }
  }
  pairs.push(["ORG_REGION_IDS", config.regions.map((region) => region.id).join(",")]);
  return pairs;
}

/**
 * The pairs in one of the `org-config env` formats:
 * - `lines` (default): `KEY=value`, plain, for pipes, `grep` and `cut`;
 * - `shell`: `export KEY='value'`, single-quoted, for `eval "$(org-config env --format shell)"`;
 * - `dotenv`: `KEY="value"`, for `.env` files and docker `--env-file`;
 * - `json`: one object of strings.
 */
export function formatEnv(config: OrgConfig, format: EnvFormat = "lines"): string {
  const pairs = envPairs(config);
  switch (format) {
    case "json":
      return JSON.stringify(Object.fromEntries(pairs), null, 2);
    case "shell":
      return pairs.map(([k, v]) => `export ${k}='${v.replaceAll("'", `'\\''`)}'`).join("\n");
    case "dotenv":
      return pairs.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n");
    case "lines":
      return pairs.map(([k, v]) => `${k}=${v}`).join("\n");
  }
}

/** `KEY=value` lines (`org-config env`). */
export function toEnvLines(config: OrgConfig): string[] {
  return envPairs(config).map(([k, v]) => `${k}=${v}`);
}

/** A human-readable summary: each non-topology setting of the settings list, then each region with its clusters (URLs redacted). */
export function toTable(config: OrgConfig): string[] {
  const rows: [string, string][] = [];
  for (const setting of SETTINGS) {
    if (setting.sensitive || setting.env === undefined) continue;
    const value = setting.key.split(".").reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], config);
    rows.push([setting.key, setting.parse === "integer" ? `${String(value)} ms` : String(value)]);
  }
  const width = Math.max(...rows.map(([key]) => key.length));
  const lines = rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
  lines.push(`regions (${config.regions.length})`);
  for (const region of config.regions) {
    lines.push(`  ${region.id} (${region.geo})`);
    for (const cluster of region.clusters)
      lines.push(`    ${cluster.id.padEnd(20)} ${cluster.mode.padEnd(10)} ${cluster.url}`);
  }
  return lines;
}
