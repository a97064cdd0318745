import { configReference, ENVIRONMENTS } from "@org/config";
import { html, inline, slug } from "./markdown.ts";

/**
 * The configuration reference: one card per setting of @org/config's settings list (key, variable,
 * type, the value in each environment, description). A card, not a seven-column table, so every field
 * stays visible from a phone to a wide screen.
 */
export function configReferencePage(): string {
  const rows = configReference();
  const cards = rows.map((row) => {
    const values = ENVIRONMENTS.map(
      (env) => `<td data-env="${html(env)}">${html(String(row.defaults[env as keyof typeof row.defaults] ?? ""))}</td>`,
    ).join("");
    return [
      `## ${row.key} {#${slug(row.key)}}`,
      "",
      `<div class="org-setting" data-key="${html(row.key)}">`,
      `<dl class="org-setting-facts">`,
      `<div><dt>Variable</dt><dd><code>${html(row.env)}</code></dd></div>`,
      `<div><dt>Type</dt><dd>${html(row.type)}${row.sensitive ? " (secret: never printed)" : ""}</dd></div>`,
      `</dl>`,
      `<table class="org-setting-values">`,
      `<caption>Default of ${html(row.key)} per environment</caption>`,
      `<thead><tr>${ENVIRONMENTS.map((env) => `<th scope="col">${html(env)}</th>`).join("")}</tr></thead>`,
      `<tbody><tr>${values}</tr></tbody>`,
      `</table>`,
      `<p class="org-setting-description">${inline(row.description)}</p>`,
      `</div>`,
      "",
    ].join("\n");
  });
  return [
    "---",
    "title: Configuration reference",
    "---",
    "",
    "# Configuration reference",
    "",
    `Generated from \`@org/config\`'s settings list when the site is built: ${rows.length} settings. Precedence:`,
    "built-in defaults < environment profile < config file (`ORG_CONFIG_FILE`) < environment variables.",
    "Durations are milliseconds. Print the values a deployment resolves to with `org-config print --env staging`;",
    "check one with `org-config validate`.",
    "",
    ...cards,
    "See also the [region topology of each environment](/reference/topology), what a",
    "[ConfigError](/troubleshooting#org-config-invalid) means, and",
    "[why convict loads and zod validates](/design/config-loading).",
  ].join("\n");
}
