import type { OrgConfig } from "./schema.ts";

/**
 * `KEY=value` lines for shells and services in other languages: every timeout in
 * milliseconds and, rounded up, in seconds (`ORG_TIMEOUT_MS=30000`, `ORG_TIMEOUT_S=30`).
 * The topology is left out: its URLs hold credentials.
 */
export function toEnvLines(config: OrgConfig): string[] {
  const seconds = (ms: number) => String(Math.ceil(ms / 1000));
  return [
    `ORG_ENV=${config.ENV}`,
    `ORG_TIMEOUT_MS=${config.TIMEOUT}`,
    `ORG_TIMEOUT_S=${seconds(config.TIMEOUT)}`,
    `ORG_CONNECT_TIMEOUT_MS=${config.timeouts.connect}`,
    `ORG_CONNECT_TIMEOUT_S=${seconds(config.timeouts.connect)}`,
    `ORG_TEST_TIMEOUT_MS=${config.timeouts.test}`,
    `ORG_TEST_TIMEOUT_S=${seconds(config.timeouts.test)}`,
    `ORG_CACHE_MAX_TTL_MS=${config.cache.maxTtlMs}`,
    `ORG_CACHE_OP_TIMEOUT_MS=${config.cache.opTimeoutMs}`,
    `ORG_REGION_IDS=${config.regions.map((region) => region.id).join(",")}`,
  ];
}

/** A human-readable summary: timeouts, then each region with its clusters (URLs redacted). */
export function toTable(config: OrgConfig): string[] {
  const rows: [string, string][] = [
    ["ENV", config.ENV],
    ["TIMEOUT", `${config.TIMEOUT} ms`],
    ["timeouts.connect", `${config.timeouts.connect} ms`],
    ["timeouts.test", `${config.timeouts.test} ms`],
    ["cache.maxTtlMs", `${config.cache.maxTtlMs} ms`],
    ["cache.opTimeoutMs", `${config.cache.opTimeoutMs} ms`],
  ];
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
