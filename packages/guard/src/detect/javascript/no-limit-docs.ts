// The code's own words for "no limit": a comment on a value's line or right above it, or a comment line naming the
// setting with its value. Evidence that a "no limit" the code chooses is meant as one (`no-limit.ts`).

/** Words a comment uses for "no limit": `// 0 = no timeout`, `default 0 (no limit)`, `//Never`, `waits forever`. */
const NO_LIMIT_WORDS =
  /\bno (time ?)?limit\b|\bno (\w+ )?time-?outs?\b|\bwithout (a |any )?(time ?)?(limit|timeout)\b|\bunlimited\b|\binfinite(ly)?\b|\bindefinitely\b|\bforever\b|\bnever\b|\bdisables? (the )?time-?out\b|\btime-?out (is )?disabled\b/i;

/** The value a comment says means "no limit". */
const NO_LIMIT_VALUE = /(^|[^\w.])(0|-1|false|Infinity)($|[^\w.])/;

/** A block comment's line or a line comment: `* @param timeout ... Use 0 for no timeout.`, `// no limit`. */
const COMMENT_LINE = /^\s*(\/\*+|\*|\/\/)/;

/**
 * The code says what its value means: a comment on the value's line or right above it (`requestTimeout: 0, // no
 * limit`, `AsyncLock.DEFAULT_TIMEOUT = 0; //Never`), or a comment line of the file naming the setting
 * (`@param opts.commandTimeout ... default 0 (no limit)`, `@param timeout ... Use 0 for no timeout.`).
 */
export function documentedNoLimit(
  lines: readonly string[],
  source: string,
  name: string | undefined,
  at: number,
): boolean {
  const line = lineOf(source, at);
  if (NO_LIMIT_WORDS.test(trailingComment(lines[line] ?? ""))) return true;
  for (let above = line - 1; above >= 0 && COMMENT_LINE.test(lines[above]!); above--)
    if (NO_LIMIT_WORDS.test(lines[above]!)) return true;
  if (name === undefined) return false;
  // The line names the setting and its value: `default 0 (no limit)`, `Use 0 for no timeout`.
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`);
  return lines.some(
    (text) => COMMENT_LINE.test(text) && word.test(text) && NO_LIMIT_VALUE.test(text) && NO_LIMIT_WORDS.test(text),
  );
}

/** The zero-based line of offset `at`. */
function lineOf(source: string, at: number): number {
  let line = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

/** The `// ...` comment at the end of a line of code, strings removed first (`"http://x"` is no comment). */
function trailingComment(line: string): string {
  const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
  const at = code.indexOf("//");
  const block = code.indexOf("/*");
  if (at >= 0) return code.slice(at);
  return block >= 0 ? code.slice(block) : "";
}
