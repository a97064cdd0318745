import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DesignNoteRef } from "./packages.ts";

/**
 * The design notes (short ADRs) under design/, from their front matter: `title`, `summary`, and
 * `packages` (README region names of the packages each note explains; their pages link to it).
 */
export function designNotes(docsRoot: string): (DesignNoteRef & { summary: string })[] {
  const dir = join(docsRoot, "design");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "index.md")
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(front)?.[1]?.trim() ?? "";
      const unquote = (value: string) => (/^".*"$/.test(value) ? (JSON.parse(value) as string) : value);
      const title = unquote(field("title"));
      if (!title) throw new Error(`design/${file} needs a "title:" in its front matter`);
      return {
        slug: file.replace(/\.md$/, ""),
        title,
        summary: unquote(field("summary")),
        packages: field("packages")
          .replace(/^\[|\]$/g, "")
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      };
    });
}

export function designIndexPage(notes: ReturnType<typeof designNotes>): string {
  return [
    "---",
    "title: Design notes",
    "---",
    "",
    "# Design notes",
    "",
    "Short records of decisions that shape the packages: each states the decision, the alternatives",
    "considered, and what would change it.",
    "",
    ...notes.map((note) => `- **[${note.title}](/design/${note.slug})**: ${note.summary}`),
  ].join("\n");
}
