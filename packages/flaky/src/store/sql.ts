/** What the store needs from a database: PGlite and PostgreSQL both provide it, with the same SQL. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Appends rows to `table` in one bulk load (`COPY ... FROM` in text format): the fastest way into
   * either database, with no per-value parameter encoding. `rows` is text from `copyText`.
   */
  copyFrom(table: string, columns: readonly string[], rows: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, without credentials. */
  readonly location: string;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format: `\N` for null, `t`/`f`, and a backslash before what would split rows. */
function copyValue(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : value;
}

/** Rows in COPY's text format (tab-separated, one per line), for `SqlClient.copyFrom`. */
export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(copyValue).join("\t"));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
