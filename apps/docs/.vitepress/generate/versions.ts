import { readFileSync } from "node:fs";
import { join } from "node:path";
import { html } from "./markdown.ts";
import { workspacePackages } from "./workspace.ts";

/** The install page's table: each published package's version, Node support, entry points and commands. */
export function versionsSection(): string {
  const rows = workspacePackages().map((pkg) => {
    const manifest = JSON.parse(readFileSync(join(pkg.path, "package.json"), "utf8")) as {
      engines?: { node?: string };
      bin?: Record<string, string> | string;
    };
    const entries = Object.keys(pkg.exports)
      .filter((key) => key !== "./package.json")
      .map((key) => `<code>${html(key === "." ? pkg.name : `${pkg.name}${key.slice(1)}`)}</code>`);
    const bins = typeof manifest.bin === "string" ? [pkg.dir] : Object.keys(manifest.bin ?? {});
    return `<tr><td><code>${html(pkg.name)}</code></td><td>${html(pkg.version)}</td><td>${html(manifest.engines?.node ?? "")}</td><td>${entries.join("<br>")}</td><td>${bins.map((b) => `<code>${html(b)}</code>`).join(" ")}</td></tr>`;
  });
  return [
    `<table class="org-versions">`,
    `<caption>Published packages, generated from their package.json</caption>`,
    `<thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Node</th><th scope="col">Import</th><th scope="col">Commands</th></tr></thead>`,
    `<tbody>${rows.join("")}</tbody>`,
    `</table>`,
  ].join("\n");
}
