import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { FlakyError } from "../errors.ts";
import { acquireDirLock } from "./lock.ts";
import type { SqlClient, SqlDatabase } from "./sql.ts";

let compiled: Promise<WebAssembly.Module> | undefined;
// Node's global WebAssembly, which the project's type libraries declare only as a namespace of types.
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } })
  .WebAssembly;

/**
 * PGlite's WebAssembly module, compiled once per process. Compiling runs on V8's background threads,
 * so a caller that starts it early (`org-flaky record`, before parsing its reports) gets it for free.
 */
export function compilePglite(): Promise<WebAssembly.Module> {
  if (!compiled) {
    // The wasm sits beside the package's entry points (the CommonJS one is what require resolves).
    const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const promise = wasmApi.compile(readFileSync(join(dist, "pglite.wasm")));
    promise.catch(() => {}); // reported by the open that awaits it, not as an unhandled rejection
    compiled = promise;
  }
  return compiled;
}

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
    db = await PGlite.create({
      ...(memory ? {} : { dataDir: join(dir, "pgdata") }),
      pgliteWasmModule: await compilePglite(),
    });
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
