import { html, inline, slug } from "./markdown.ts";
import { importBuilt, workspacePackages } from "./workspace.ts";

interface CodeInfo {
  meaning: string;
  action: string;
}

/**
 * Every error code of every package, from the `*_ERROR_CODES` tables the packages export
 * (code -> meaning and what to do). Returns the Markdown section of the troubleshooting page and the
 * packages that throw coded errors without such a table, so the build can say so.
 */
export async function errorCodesSection(): Promise<{ markdown: string; missing: string[]; codes: string[] }> {
  const parts: string[] = [];
  const missing: string[] = [];
  const codes: string[] = [];
  // Private packages too: @org/cli-kit is bundled into every CLI, so its codes reach users.
  for (const pkg of workspacePackages({ includePrivate: true })) {
    const mod = await importBuilt(pkg);
    if (!mod) {
      missing.push(`${pkg.name} (not built)`);
      continue;
    }
    const errorClasses = Object.entries(mod)
      .filter(
        ([, value]) => typeof value === "function" && (value as { prototype?: unknown }).prototype instanceof Error,
      )
      .map(([name]) => name);
    const tables = Object.entries(mod).filter(
      ([name, value]) => /_ERROR_CODES$/.test(name) && value && typeof value === "object",
    );
    if (tables.length === 0) {
      if (errorClasses.length > 0) missing.push(pkg.name);
      continue;
    }
    parts.push(`### ${pkg.name}: ${errorClasses.join(", ")} {#${slug(pkg.name)}-errors}`, "");
    for (const [, table] of tables) {
      for (const [code, info] of Object.entries(table as Record<string, CodeInfo>)) {
        codes.push(code);
        parts.push(
          `#### ${code} {#${slug(code)}}`,
          "",
          `<dl class="org-error-code" data-code="${html(code)}">`,
          `<div><dt>Means</dt><dd>${inline(info.meaning)}</dd></div>`,
          `<div><dt>What to do</dt><dd>${inline(info.action)}</dd></div>`,
          `</dl>`,
          "",
        );
      }
    }
  }
  return { markdown: parts.join("\n"), missing, codes };
}
