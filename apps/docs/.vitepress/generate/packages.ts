import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, workspacePackages } from "./workspace.ts";

export interface PackagePage {
  /** Page slug under /packages/ (the README region's name). */
  slug: string;
  title: string;
  content: string;
}

export interface DesignNoteRef {
  slug: string;
  title: string;
  packages: string[];
}

/**
 * One page per package section of the root README (between `<!-- #region x -->` markers), so the
 * README stays the one place a package's usage is written. The section's own `## heading` becomes
 * the page title (plain text, not code), sub-headings move up one level, links into the repository
 * that the site cannot serve become plain paths, and the package's design notes are linked at the end.
 */
export function packagePages(design: readonly DesignNoteRef[], apiLinks: ReadonlyMap<string, string>): PackagePage[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const packages = new Map(workspacePackages().map((pkg) => [pkg.dir, pkg]));
  const pages: PackagePage[] = [];
  for (const match of readme.matchAll(/<!--\s*#region ([\w-]+)\s*-->\n([\s\S]*?)<!--\s*#endregion \1\s*-->/g)) {
    const [, name, body] = match as unknown as [string, string, string];
    const pkg = packages.get(name);
    const lines = body.trim().split("\n");
    const headingIndex = lines.findIndex((line) => /^##\s/.test(line));
    const heading = headingIndex >= 0 ? lines[headingIndex]!.replace(/^##\s+/, "") : (pkg?.name ?? name);
    const title = heading.replace(/`/g, "").trim();
    const rest = lines.filter((_, i) => i !== headingIndex);
    let inFence = false;
    const shifted = rest.map((line) => {
      if (/^(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      return liftHeading(rewriteLinks(line));
    });
    const notes = design.filter((note) => note.packages.includes(name));
    const footer = [
      ...(pkg && apiLinks.has(pkg.name)
        ? [
            "",
            "## API reference",
            "",
            `Every export with its options, from the TSDoc: [${pkg.name} API](${apiLinks.get(pkg.name)}).`,
          ]
        : []),
      "",
      "## Design notes",
      "",
      ...notes.map((note) => `- [${note.title}](/design/${note.slug})`),
      `- [All design notes](/design/)`,
    ];
    pages.push({
      slug: name,
      title,
      content: [
        "---",
        `title: ${JSON.stringify(title)}`,
        "outline: deep",
        "---",
        "",
        `# ${title}`,
        "",
        ...(pkg ? [`<p class="org-package-meta">${pkg.description}</p>`, ""] : []),
        ...shifted,
        ...footer,
      ].join("\n"),
    });
  }
  return pages;
}

function liftHeading(line: string): string {
  return line.replace(/^(#{3,6})\s/, (_, hashes: string) => `${hashes.slice(1)} `);
}

/** Links into the repository (`packages/x/FILE.md`) are not pages of the site: keep their text and path. */
function rewriteLinks(line: string): string {
  return line.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text: string, target: string) => {
    if (/^(https?:|mailto:|#|\/)/.test(target)) return whole;
    const path = target.replace(/^\.\//, "");
    return existsSync(join(REPO, path.split("#")[0]!)) ? `${text} (\`${path}\` in the repository)` : text;
  });
}
