import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { FlakyError } from "../errors.ts";
import { acquireDirLock } from "./lock.ts";
import type { SqlClient, SqlDatabase } from "./sql.ts";

/**
 * An embedded store: PGlite (PostgreSQL in WebAssembly) with its data in `<dir>/pgdata`. One process
 * at a time may open a data directory, so parallel `record`s queue on `<dir>/lock`.
 * `dir` may be `memory://` for a store that lives only as long as the process.
 */
export async function openPglite(dir: string): Promise<SqlDatabase> {
  const memory = dir.startsWith("memory://");
  let release = async () => {};
  if (!memory) {
    mkdirSync(dir, { recursive: true });
    release = await acquireDirLock(join(dir, "lock"));
  }
  let db: PGlite;
  try {
    db = await PGlite.create(memory ? undefined : join(dir, "pgdata"));
  } catch (error) {
    await release();
    throw new FlakyError(
      "ORG_FLAKY_STORE",
      `could not open the PGlite store in ${dir}: ${(error as Error).message}. If it was written by another program, point ORG_FLAKY_DB elsewhere.`,
      { cause: error },
    );
  }
  const wrap = (client: Pick<PGlite, "query" | "exec">): SqlClient => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query<Row>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async copyFrom(table, columns, rows) {
      // PGlite reads COPY data from its /dev/blob device: the rows go in as one blob, parsed by the server.
      if (rows === "") return;
      await client.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([rows]) });
    },
  });
  return {
    kind: "pglite",
    location: memory ? "memory://" : dir,
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}
