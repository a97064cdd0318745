import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { FlakyError, redact } from "../errors.ts";
import type { SqlClient, SqlDatabase } from "./sql.ts";

// Counts are int8 in PostgreSQL: read them as numbers, as PGlite does (they stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number(value));
// A date is a calendar day, not a local midnight.
pg.types.setTypeParser(1082, (value) => value);

/** A shared PostgreSQL server: the same SQL and migrations as the embedded store. */
export async function openPostgres(url: string): Promise<SqlDatabase> {
  const location = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new FlakyError(
      "ORG_FLAKY_STORE",
      `could not connect to PostgreSQL at ${location}: ${redact((error as Error).message)}. Check ORG_FLAKY_DB and that the server is running.`,
      { cause: new Error(redact((error as Error).message)) },
    );
  }
  const wrap = (client: pg.Pool | pg.PoolClient): SqlClient => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, params as unknown[])).rows as Row[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    async copyFrom(table, columns, rows) {
      if (rows === "") return;
      // The stream needs one connection: a transaction's, else one borrowed from the pool.
      const connection = "release" in client ? client : await client.connect();
      try {
        const stream = connection.query(copyFromStdin(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
        await pipeline(async function* () {
          yield rows;
        }, stream);
      } finally {
        if (connection !== client) connection.release();
      }
    },
  });
  return {
    kind: "postgres",
    location,
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
