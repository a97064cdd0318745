// Timeouts written in SQL the code sends: `SET LOCAL lock_timeout = 30000;` (PostgreSQL/MySQL settings; 0 there
// means "no limit").
import { type EsNode, span } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { SQL_TIMEOUT } from "./values.ts";

/** A string literal or template text that mentions a timeout: judged after the walk. */
export function collectSqlText(facts: FileFacts, node: EsNode): void {
  const [start, end] = span(node);
  // `SET LOCAL lock_timeout = 30000`: judged after the walk (most strings never mention a timeout).
  if (/timeout/i.test(facts.source.slice(start, end))) facts.sqlTexts.push(node);
}

/** One `SET <setting> = <number>` in a string: the number as a literal node at its place in the file. */
export interface SqlTimeout {
  literal: EsNode;
  /** The number as written. */
  text: string;
  /** The setting's name (`lock_timeout`). */
  setting: string;
}

/** The timeout settings `SET` in the string or template text `node`. */
export function* sqlTimeouts(node: EsNode, source: string): Generator<SqlTimeout> {
  const [start, end] = span(node);
  const text = source.slice(start, end);
  if (!/timeout/i.test(text)) return;
  for (const match of text.matchAll(SQL_TIMEOUT)) {
    const value = Number(match[2]);
    const at = start + match.index + match[0].length - match[2]!.length;
    const literal = { type: "Literal", value, range: [at, at + match[2]!.length] } as EsNode;
    yield { literal, text: match[2]!, setting: match[1]! };
  }
}
