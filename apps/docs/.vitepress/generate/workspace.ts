import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The repository root, from apps/docs/.vitepress/generate. */
export const REPO = join(import.meta.dirname, "../../../..");

export interface WorkspacePackage {
  /** Directory name under packages/. */
  dir: string;
  path: string;
  name: string;
  version: string;
  description: string;
  private: boolean;
  exports: Record<string, unknown>;
}

/** The publishable packages under packages/ (with `includePrivate`, every one), in directory order. */
export function workspacePackages({ includePrivate = false } = {}): WorkspacePackage[] {
  const root = join(REPO, "packages");
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "package.json")))
    .map((entry) => {
      const path = join(root, entry.name);
      const manifest = JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as Record<string, unknown>;
      return {
        dir: entry.name,
        path,
        name: String(manifest.name),
        version: String(manifest.version ?? "0.0.0"),
        description: String(manifest.description ?? ""),
        private: manifest.private === true,
        exports: (manifest.exports ?? {}) as Record<string, unknown>,
      };
    })
    .filter((pkg) => includePrivate || !pkg.private);
}

/**
 * Loads a package's built main entry. A package that is not built yet is reported, not guessed:
 * the docs build runs after every dependency's build (turbo `^build`).
 */
export async function importBuilt(pkg: WorkspacePackage): Promise<Record<string, unknown> | undefined> {
  const entry = join(pkg.path, "dist/index.js");
  if (!existsSync(entry)) return undefined;
  return (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
}
