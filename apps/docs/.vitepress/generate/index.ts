import { join } from "node:path";
import { apiReference } from "./api.ts";
import { checklistPages } from "./checklists.ts";
import { configReferencePage } from "./config-reference.ts";
import { designIndexPage, designNotes } from "./design.ts";
import { aiContextPage, cacheProtocolPage, changelogPage } from "./documents.ts";
import { errorCodesSection } from "./error-codes.ts";
import { GeneratedTree } from "./files.ts";
import { guardRulesPage } from "./guard-rules.ts";
import { packagePages } from "./packages.ts";
import { FLAKY_HTML_EXAMPLE, flakyReport } from "./flaky-report.ts";
import { auditReportPage } from "./reports.ts";
import { topologyPage } from "./topology.ts";
import { versionsSection } from "./versions.ts";

export interface SidebarLink {
  text: string;
  link: string;
}

/** What the generators produced, for the nav and sidebar. */
export interface SiteManifest {
  checklists: SidebarLink[];
  packages: SidebarLink[];
  design: SidebarLink[];
  reference: SidebarLink[];
  api: SidebarLink[];
  /** Optional pages of the "Start here" and "Process" groups. */
  start: SidebarLink[];
  process: SidebarLink[];
  warnings: string[];
  /** Extra HTML indexed by the local search (not shown), by page path relative to the docs root. */
  searchExtras: Map<string, string>;
}

/** Directories and files of the docs source that are generated (and gitignored). */
export const GENERATED_DIRS = [
  "checklists",
  "packages",
  "reference",
  "api",
  "reports",
  ".generated",
  "public/examples",
] as const;
export const GENERATED_FILES = ["design/index.md", "ai-context.md", "changelog.md"] as const;

/**
 * Writes every generated page from its source (package metadata, the README, the design notes) into
 * the docs source tree. Runs when VitePress loads its config, so `build` and `dev` both see current pages.
 */
export async function generateSite(docsRoot: string): Promise<SiteManifest> {
  const tree = new GeneratedTree(docsRoot, GENERATED_DIRS, GENERATED_FILES);
  const warnings: string[] = [];

  const searchExtras = new Map<string, string>();
  const checklists = checklistPages();
  for (const page of checklists) {
    tree.add(`checklists/${page.id}.md`, page.content);
    searchExtras.set(`checklists/${page.id}.md`, page.searchHtml);
  }

  const notes = designNotes(docsRoot);
  tree.add("design/index.md", designIndexPage(notes));

  const api = await apiReference(join(docsRoot, "tsconfig.api.json"));
  for (const [path, content] of api.files) tree.add(`api/${path}`, content);
  const apiLinks = new Map<string, string>();
  for (const entry of api.entries) if (!apiLinks.has(entry.pkg)) apiLinks.set(entry.pkg, entry.link);

  const packages = packagePages(notes, apiLinks);
  for (const page of packages) {
    tree.add(`packages/${page.slug}.md`, page.content);
    if (page.section !== undefined) tree.add(`.generated/package-${page.slug}.md`, page.section);
  }

  tree.add("reference/config.md", configReferencePage());
  tree.add("reference/topology.md", topologyPage());
  tree.add("reference/guard-rules.md", guardRulesPage());

  // Example reports: the pages, and the standalone HTML reports they link to (published as they are).
  const flaky = await flakyReport();
  tree.add(`public/${FLAKY_HTML_EXAMPLE}`, flaky.html);

  // Pages whose source lands with another package; left out until it exists.
  const documents = [
    {
      path: "reference/cache-protocol.md",
      text: "Cache invalidation protocol",
      page: cacheProtocolPage(),
      group: "reference",
    },
    { path: "changelog.md", text: "Changelog", page: changelogPage(), group: "start" },
    { path: "ai-context.md", text: "AI context (AGENTS.md)", page: aiContextPage(), group: "process" },
    { path: "reports/audit.md", text: "Example audit report", page: await auditReportPage(), group: "process" },
    { path: "reports/flaky.md", text: "Example flakiness report", page: flaky.page, group: "process" },
  ] as const;
  const groups: Record<string, SidebarLink[]> = { reference: [], start: [], process: [] };
  for (const doc of documents) {
    if (doc.page === undefined) {
      warnings.push(`${doc.text}: its source is not in the repository yet, so the page is left out`);
      continue;
    }
    tree.add(doc.path, doc.page);
    groups[doc.group]!.push({ text: doc.text, link: `/${doc.path.replace(/\.md$/, "")}` });
  }

  tree.add(".generated/versions.md", versionsSection());

  const errors = await errorCodesSection();
  tree.add(".generated/error-codes.md", errors.markdown);
  if (errors.missing.length > 0)
    warnings.push(
      `no *_ERROR_CODES table exported by ${errors.missing.join(", ")}: their codes are not on the troubleshooting page`,
    );

  tree.flush();
  return {
    checklists: checklists.map((c) => ({ text: c.title, link: `/checklists/${c.id}` })),
    // A package documented by a guide is listed with the guide's link: the reader lands on the canonical page.
    packages: packages.map((p) => ({ text: p.title, link: p.guide ?? `/packages/${p.slug}` })),
    design: notes.map((n) => ({ text: n.title, link: `/design/${n.slug}` })),
    start: groups.start!,
    process: groups.process!,
    reference: [
      { text: "Configuration", link: "/reference/config" },
      { text: "Region topology", link: "/reference/topology" },
      { text: "Guard rules", link: "/reference/guard-rules" },
      ...groups.reference!,
    ],
    api: [{ text: "All entry points", link: "/api/" }, ...api.entries.map(({ text, link }) => ({ text, link }))],
    warnings,
    searchExtras,
  };
}
