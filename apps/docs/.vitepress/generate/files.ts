import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/**
 * The generated part of the docs source tree. Every build writes the full set; a file whose content
 * did not change is not touched (the dev server watches these), and a file no generator produced any
 * more is removed, so a page disappears when its source does.
 */
export class GeneratedTree {
  private readonly files = new Map<string, string>();

  constructor(
    /** The docs source directory (VitePress' srcDir). */
    readonly root: string,
    /** Directories (relative to root) that hold only generated files. */
    readonly ownedDirs: readonly string[],
    /** Single generated files (relative to root) outside those directories. */
    readonly ownedFiles: readonly string[],
  ) {}

  /** Adds a file; the path is relative to the docs root. */
  add(path: string, content: string): void {
    if (!this.ownedDirs.some((dir) => path.startsWith(`${dir}/`)) && !this.ownedFiles.includes(path))
      throw new Error(`Generated file ${path} is outside the generated paths; add it to the owned list.`);
    this.files.set(path, content.endsWith("\n") ? content : `${content}\n`);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Writes what changed and removes stale generated files. */
  flush(): void {
    const existing = [
      ...this.ownedDirs.flatMap((dir) => listFiles(join(this.root, dir))),
      ...this.ownedFiles.map((file) => join(this.root, file)).filter((file) => existsSync(file)),
    ].map((file) => relative(this.root, file).replace(/\\/g, "/"));
    for (const stale of existing.filter((file) => !this.files.has(file))) rmSync(join(this.root, stale));
    for (const [path, content] of this.files) {
      const file = join(this.root, path);
      if (existsSync(file) && readFileSync(file, "utf8") === content) continue;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
