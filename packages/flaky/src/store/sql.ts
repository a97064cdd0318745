/** What the store needs from a database: PGlite and PostgreSQL both provide it, with the same SQL. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, without credentials. */
  readonly location: string;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
