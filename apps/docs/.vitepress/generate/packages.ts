import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, workspacePackages } from "./workspace.ts";

export interface PackagePage {
  /** Page slug under /packages/ (the README region's name). */
  slug: string;
  title: string;
  content: string;
  /**
   * For a package documented by a guide: the guide's path. `content` is then a page that sends the
   * reader there, and `section` the README section for the guide to include.
   */
  guide?: string;
  section?: string;
}

/**
 * Packages whose page is a guide elsewhere on the site: one canonical page, which includes the
 * package's README section; /packages/<slug> only points to it (old links keep working).
 */
export const PACKAGE_GUIDES: Readonly<Record<string, { path: string; anchor: string }>> = {
  python: { path: "/python", anchor: "package-reference" },
};

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
  const sections = [...readme.matchAll(/<!--\s*#region ([\w-]+)\s*-->\n([\s\S]*?)<!--\s*#endregion \1\s*-->/g)].map(
    (match) => {
      const [, name, body] = match as unknown as [string, string, string];
      const lines = body.trim().split("\n");
      const headingIndex = lines.findIndex((line) => /^##\s/.test(line));
      const heading = headingIndex >= 0 ? lines[headingIndex]!.replace(/^##\s+/, "") : undefined;
      return { name, lines, headingIndex, heading };
    },
  );
  // The README links one package's section from another by its GitHub anchor (#org-toolkit-python):
  // on the site that section is a page of its own.
  const sectionLinks = new Map(
    sections
      .filter((section) => section.heading !== undefined)
      .map((section) => {
        const guide = PACKAGE_GUIDES[section.name];
        return [
          githubSlug(section.heading!),
          guide ? `${guide.path}#${guide.anchor}` : `/packages/${section.name}`,
        ] as const;
      }),
  );
  for (const { name, lines, headingIndex, heading: sectionHeading } of sections) {
    const pkg = packages.get(name);
    const heading = sectionHeading ?? pkg?.name ?? name;
    const title = heading.replace(/`/g, "").trim();
    const rest = lines.filter((_, i) => i !== headingIndex);
    let inFence = false;
    const shifted = rest.map((line) => {
      if (/^(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      return liftHeading(rewriteLinks(line, sectionLinks));
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
    const guide = PACKAGE_GUIDES[name];
    if (guide) {
      const target = `${guide.path}#${guide.anchor}`;
      pages.push({
        slug: name,
        title,
        guide: guide.path,
        // The guide's "Package reference" section is an h2: the README's sub-headings go one level below it.
        section: lowerHeadings([...shifted, ...footer]).join("\n"),
        content: [
          "---",
          `title: ${JSON.stringify(title)}`,
          "search: false",
          `head: [["meta", { "http-equiv": "refresh", "content": "0; url=${target}" }], ["link", { "rel": "canonical", "href": "${target}" }]]`,
          "---",
          "",
          `# ${title}`,
          "",
          `${title} is documented in the [Python guide](${target}): the fixed seed snippets, the package reference and`,
          "its design notes, on one page.",
        ].join("\n"),
      });
      continue;
    }
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

/** Moves every heading outside code fences one level down (## becomes ###). */
function lowerHeadings(lines: readonly string[]): string[] {
  let inFence = false;
  return lines.map((line) => {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    return inFence ? line : line.replace(/^(#{2,5})\s/, (_, hashes: string) => `#${hashes} `);
  });
}

function liftHeading(line: string): string {
  return line.replace(/^(#{3,6})\s/, (_, hashes: string) => `${hashes.slice(1)} `);
}

/**
 * Links into the repository (`packages/x/FILE.md`) are not pages of the site: keep their text and path.
 * Links to another package's README section (`#org-toolkit-python`) go to that package's page.
 */
function rewriteLinks(line: string, sectionLinks: ReadonlyMap<string, string>): string {
  return line.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text: string, target: string) => {
    if (target.startsWith("#") && sectionLinks.has(target.slice(1)))
      return `[${text}](${sectionLinks.get(target.slice(1))})`;
    if (/^(https?:|mailto:|#|\/)/.test(target)) return whole;
    const path = target.replace(/^\.\//, "");
    return existsSync(join(REPO, path.split("#")[0]!)) ? `${text} (\`${path}\` in the repository)` : text;
  });
}

/** GitHub's anchor for a README heading: lower case, punctuation dropped, spaces as hyphens. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}
