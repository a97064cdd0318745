import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { migrate } from "./migrate.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";
import type { SqlDatabase } from "./sql.ts";

export interface OpenStoreOptions {
  /**
   * A PGlite directory, `memory://`, or a `postgres://` / `postgresql://` URL.
   * @default process.env.ORG_FLAKY_DB, else `.org-flaky/` at the root of the git repository around `cwd`
   * @example "postgres://ci:secret@db.internal:5432/flaky"
   */
  db?: string;
  /** @default process.cwd() */
  cwd?: string;
}

/** Where the store is: the option, ORG_FLAKY_DB, or `.org-flaky/` at the repository root. */
export function storeLocation(options: OpenStoreOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const db = options.db ?? process.env.ORG_FLAKY_DB;
  if (db) return isPostgresUrl(db) || db.startsWith("memory://") ? db : resolve(cwd, db);
  return join(repositoryRoot(cwd) ?? cwd, ".org-flaky");
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** Opens (and migrates) the store. Close it when done: an embedded store is locked while open. */
export async function openDatabase(options: OpenStoreOptions = {}): Promise<SqlDatabase> {
  const location = storeLocation(options);
  const db = isPostgresUrl(location) ? await openPostgres(location) : await openPglite(location);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function repositoryRoot(cwd: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    return undefined;
  }
}
