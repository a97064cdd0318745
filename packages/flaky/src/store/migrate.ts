import { FlakyError } from "../errors.ts";
import { MIGRATIONS } from "./migrations.ts";
import type { SqlDatabase } from "./sql.ts";

/** Any constant: parallel first `record`s against one server take turns to create the schema. */
const MIGRATION_LOCK = 7_412_003;

/** Brings the schema up to the newest version; safe to run from many processes at once. */
export async function migrate(db: SqlDatabase): Promise<number> {
  // Every command opens the store: one that is up to date is recognised by one read, without the lock,
  // the DDL and the transaction below (each a first-time code path in a cold PGlite process).
  const current = await db
    .query<{ version: number | null }>("SELECT max(version) AS version FROM flaky_schema_migrations")
    .then(
      ([row]) => Number(row?.version),
      () => 0,
    ); // no schema yet
  if (current === MIGRATIONS.at(-1)!.version) return current;
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS flaky_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ version: number }>("SELECT version FROM flaky_schema_migrations");
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    const known = MIGRATIONS.at(-1)!.version;
    if (newest > known) {
      throw new FlakyError(
        "ORG_FLAKY_STORE",
        `the store at ${db.location} has schema version ${newest}, newer than this org-flaky knows (${known}): upgrade @org/flaky.`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO flaky_schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    return known;
  });
}
