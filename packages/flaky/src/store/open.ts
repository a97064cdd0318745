import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { migrate } from "./migrate.ts";
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

/**
 * Starts what opening the store can do in the background (compiling PGlite's WebAssembly), so a caller
 * can overlap it with other work before `openDatabase`. Nothing for a PostgreSQL store.
 */
export async function prepareStore(options: OpenStoreOptions = {}): Promise<void> {
  if (!isPostgresUrl(storeLocation(options))) void (await import("./pglite.ts")).compilePglite();
}

/** Opens (and migrates) the store. Close it when done: an embedded store is locked while open. */
export async function openDatabase(options: OpenStoreOptions = {}): Promise<SqlDatabase> {
  const location = storeLocation(options);
  // Only the client this store needs is loaded: PGlite and pg each cost a cold process tens of ms.
  const db = isPostgresUrl(location)
    ? await (await import("./postgres.ts")).openPostgres(location)
    : await (await import("./pglite.ts")).openPglite(location);
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
