// Timeouts written in SQL the code sends: `SET LOCAL lock_timeout = 30000;` (PostgreSQL/MySQL settings; 0 there
// means "no limit"), and SQLite's `PRAGMA busy_timeout = 5000;` (@abtnode/db-cache, fresh428; @cadence-mq/driver-libsql,
// fresh420), how long a statement waits on a locked database.
import { type EsNode, span } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { SQL_TIMEOUT } from "./values.ts";

/** A string literal or template text that mentions a timeout: judged after the walk. */
export function collectSqlText(facts: FileFacts, node: EsNode): void {
  const [start, end] = span(node);
  // `SET LOCAL lock_timeout = 30000`: judged after the walk (most strings never mention a timeout).
  if (/timeout/i.test(facts.source.slice(start, end))) facts.sqlTexts.push(node);
}

/** One `SET <setting> = <number>` or `PRAGMA <setting> = <number>` in a string: the number as a literal node at its place in the file. */
export interface SqlTimeout {
  literal: EsNode;
  /** The number as written. */
  text: string;
  /** The statement and the setting's name (`SET lock_timeout`, `PRAGMA busy_timeout`). */
  setting: string;
}

/** The timeout settings `SET` or `PRAGMA` in the string or template text `node`. */
export function* sqlTimeouts(node: EsNode, source: string): Generator<SqlTimeout> {
  const [start, end] = span(node);
  const text = source.slice(start, end);
  if (!/timeout/i.test(text)) return;
  for (const match of text.matchAll(SQL_TIMEOUT)) {
    const [, statement, setting, number] = match as unknown as [string, string, string, string];
    const value = Number(number);
    // SQLite's `PRAGMA busy_timeout = 0` turns the busy handler off: a locked table fails at once, nothing waits.
    const pragma = statement.toUpperCase() === "PRAGMA";
    if (pragma && value === 0) continue;
    const at = start + match.index + match[0].length - number.length;
    const literal = { type: "Literal", value, range: [at, at + number.length] } as EsNode;
    yield { literal, text: number, setting: `${pragma ? "PRAGMA" : "SET"} ${setting}` };
  }
}
