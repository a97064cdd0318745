import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBuilt, REPO, workspacePackages } from "../.vitepress/generate/workspace.ts";
import { pageLinks } from "./links.ts";
import { canRun, resolvePath } from "./site.ts";

/** The built page's text (tags dropped) and its element ids. */
function built(path: string): { text: string; ids: Set<string>; html: string } {
  const file = resolvePath(path);
  if (!file) throw new Error(`${path} is not in the built site`);
  const html = readFileSync(file, "utf8");
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { text, ids: pageLinks(file).anchors, html };
}

describe.skipIf(!canRun)("pages generated from their sources", () => {
  it("troubleshooting explains every code of every package's error table, under its own anchor", async () => {
    const page = built("/troubleshooting");
    const tables: string[] = [];
    for (const pkg of workspacePackages({ includePrivate: true })) {
      if (!existsSync(join(pkg.path, "src/error-codes.ts"))) continue;
      const mod = await importBuilt(pkg);
      const entries = Object.entries(mod ?? {}).filter(([name]) => /_ERROR_CODES$/.test(name));
      expect(entries.length, `${pkg.name} exports its *_ERROR_CODES table`).toBeGreaterThan(0);
      for (const [name, table] of entries) {
        tables.push(name);
        for (const [code, info] of Object.entries(table as Record<string, { meaning: string; action: string }>)) {
          expect(page.html, code).toContain(`data-code="${code}"`);
          expect(page.ids.has(code.toLowerCase().replace(/_/g, "-")), `#${code} anchor`).toBe(true);
          // The meaning's first words, as written in the table.
          expect(page.text, `${code}: meaning`).toContain(
            info.meaning.replace(/`/g, "").split(/\s+/).slice(0, 4).join(" "),
          );
        }
      }
    }
    expect(tables).toEqual(expect.arrayContaining(["CONFIG_ERROR_CODES", "GUARD_ERROR_CODES", "CACHE_ERROR_CODES"]));
    // The two questions people ask when the hook refuses a commit.
    expect(page.ids.has("my-commit-was-refused")).toBe(true);
    expect(page.ids.has("no-verify")).toBe(true);
  });

  it("the changelog has every release of every package's CHANGELOG.md", () => {
    const page = built("/changelog");
    const files = ["packages", "python"].flatMap((dir) =>
      readdirSync(join(REPO, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(REPO, dir, entry.name, "CHANGELOG.md")))
        .map((entry) => join(REPO, dir, entry.name, "CHANGELOG.md")),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const changelog = readFileSync(file, "utf8");
      const name = /^# (.*)$/m.exec(changelog)![1]!.replace(/`/g, "").trim();
      expect(page.text, file).toContain(name);
      for (const [, version] of changelog.matchAll(/^## (\d+\.\d+\.\d+\S*)/gm))
        expect(page.text, `${name} ${version}`).toContain(version);
    }
  });

  it.each(["invalidation-broadcast", "durable-complete", "config-loading", "offline-queue", "timeout-detection"])(
    "the design note %s states the decision, the alternatives and what would change it",
    (slug) => {
      const page = built(`/design/${slug}`);
      for (const id of ["decision", "alternatives-considered", "what-would-change-it"])
        expect(page.ids.has(id), `#${id}`).toBe(true);
    },
  );

  it("the invalidation note says why not Pub/Sub: drops for disconnected subscribers, cluster-local, no delivery report", () => {
    const { text } = built("/design/invalidation-broadcast");
    expect(text).toContain("Pub/Sub");
    expect(text).toMatch(/disconnected/i);
    expect(text).toMatch(/Redis Cluster/);
    expect(text).toMatch(/deliver/i);
  });

  it("every package page links its design notes", () => {
    for (const pkg of ["config", "guard", "cache-client"]) {
      const { html } = built(`/packages/${pkg}`);
      expect(html, pkg).toMatch(/href="\/design\/[a-z-]+"/);
    }
  });

  it("the install page names the registry, the version and the Node versions", () => {
    const { text } = built("/install");
    const version = workspacePackages()[0]!.version;
    expect(text).toContain(version);
    expect(text).toMatch(/Node\.js 20\.19/);
    expect(text).toMatch(/registry/);
  });

  it("the AI context page is the repository's AGENTS.md", () => {
    const { text } = built("/ai-context");
    const agents = readFileSync(join(REPO, "AGENTS.md"), "utf8");
    // Every second-level heading of AGENTS.md is a heading of the page.
    for (const [, heading] of agents.matchAll(/^## (.*)$/gm)) expect(text).toContain(heading!.replace(/`/g, ""));
  });

  it("the Python guide is the one page of the Python package, its package reference included", () => {
    const page = built("/python");
    expect(page.ids.has("package-reference")).toBe(true);
    // The README's package section, included below the guide.
    expect(page.text).toContain("org_toolkit.http.StagingSession");
    expect(page.text).toContain("pytest plugin");
  });

  it("the example reports are rendered from demo datasets by the tools themselves", () => {
    const flaky = built("/reports/flaky");
    expect(flaky.text).toMatch(/AI-assisted \d+ \d+ \/ \d+ /);
    expect(flaky.text).toMatch(/AI\/human ratio: \d+\.\d\dx/);
    expect(flaky.text).toContain("timeout=5");
    const audit = built("/reports/audit");
    expect(audit.text).toMatch(/AI-assisted/i);
  });
});
