// The code's own words for "no limit": a comment on a value's line or right above it, or a comment line naming the
// setting with its value. Evidence that a "no limit" the code chooses is meant as one (`no-limit.ts`).

/**
 * Words a comment uses for "no limit": `// 0 = no timeout`, `default 0 (no limit)`, `Default is 0 (disabled)` (a
 * timeout switched off), `//Never`, `waits forever`, and
 * the Chinese of SDKs documented in it (cos-nodejs-sdk-v5's `Timeout: 0, // 单位毫秒，0 代表不设置超时时间`: "0 sets no
 * timeout"; 不超时 "never times out", 无限 "unlimited", 永不 "never").
 */
const NO_LIMIT_WORDS =
  /\bno (time ?)?limit\b|\bno (\w+ )?time-?outs?\b|\bwithout (a |any )?(time ?)?(limit|timeout)\b|\bunlimited\b|\binfinite(ly)?\b|\bindefinitely\b|\bforever\b|\bnever\b|\bdisables? (the )?time-?out\b|\btime-?outs? (is |are )?disabled\b|\b0\s*(?:\(|=\s*|:\s*|means\s+)disabled?\b|不设置?超时|不超时|无超时|永不|无限/i;

/**
 * axios' own defaults table's "If set to 0 (default) a / timeout is not created" (vendored into many bundles), read
 * across the comment's lines: the zero itself makes no timer. "The timeout is not created here" alone does not say
 * so (another bound may apply instead).
 */
const NOT_CREATED = /\bif set to 0\b[^.]*\btime-?out is not created\b/i;

/** The value a comment says means "no limit". */
const NO_LIMIT_VALUE = /(^|[^\w.])(0|-1|false|Infinity)($|[^\w.])/;

/** A block comment's line or a line comment: `* @param timeout ... Use 0 for no timeout.`, `// no limit`. */
const COMMENT_LINE = /^\s*(\/\*+|\*|\/\/)/;

/**
 * The code says what its value means: a comment on the value's line or right above it (`requestTimeout: 0, // no
 * limit`, `AsyncLock.DEFAULT_TIMEOUT = 0; //Never`), or a comment line of the file naming the setting
 * (`@param opts.commandTimeout ... default 0 (no limit)`, `@param timeout ... Use 0 for no timeout.`).
 */
export function documentedNoLimit(lines: readonly string[], name: string | undefined, at: number): boolean {
  // Asked for every 0 or Infinity of a file: what does not depend on the value is worked out once per file (by
  // its `lines`), not once per value (which was quadratic in a file with thousands of them).
  let file = perFile.get(lines);
  if (!file) perFile.set(lines, (file = { starts: lineStarts(lines), comments: undefined }));
  const line = lineOf(file.starts, at);
  const trailing = trailingComment(lines[line] ?? "");
  if (NO_LIMIT_WORDS.test(trailing) || NOT_CREATED.test(trailing)) return true;
  const above = commentAbove(lines, line);
  if (above.some((text) => NO_LIMIT_WORDS.test(text))) return true;
  if (above.length > 0 && NOT_CREATED.test(above.join(" "))) return true;
  if (name === undefined) return false;
  // The line names the setting and its value: `default 0 (no limit)`, `Use 0 for no timeout`.
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`);
  file.comments ??= lines.filter(
    (text) => COMMENT_LINE.test(text) && NO_LIMIT_VALUE.test(text) && NO_LIMIT_WORDS.test(text),
  );
  return file.comments.some((text) => word.test(text));
}

/** A JSDoc tag naming a setting: `@prop {number} [queueTimeout=0]`, `@param opts.commandTimeout`. */
const DOC_TAG = /@(?:param|prop|property|arg|argument)\s+(?:\{[^}]*\}\s*)?\[?([\w$.]+)/;

/** A 0 on the line: `[queueTimeout=0]`, `(0 - infinite)`, `Use 0 for no timeout`. */
const ZERO_VALUE = /(^|[^\w.-])0($|[^\w.])/;

/**
 * The settings the file's own documentation gives a 0 meaning "no limit": a JSDoc tag naming the setting on a line that
 * says so (`@prop {number} [queueTimeout=0] - ... wait for a connection ... (0 - infinite)`). What the package's other
 * files show of a 0 written for that setting (a defaults table merged elsewhere).
 */
export function documentedZeroNames(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const [line, text] of lines.entries()) {
    // `autoCancelTimeout = 0;` under its doc comment's "Default is 0 (disabled)" (scanbot's `Timeouts` class, fresh263).
    const field = ZERO_FIELD.exec(text);
    if (field && commentAbove(lines, line).some((above) => NO_LIMIT_WORDS.test(above))) names.add(field[1]!);
    if (!COMMENT_LINE.test(text) || !ZERO_VALUE.test(text) || !NO_LIMIT_WORDS.test(text)) continue;
    const tag = DOC_TAG.exec(text);
    if (tag) names.add(tag[1]!.slice(tag[1]!.lastIndexOf(".") + 1));
  }
  return names;
}

/** A class field declared 0 on its own line: `public autoCancelTimeout: number = 0;`, compiled `autoCancelTimeout = 0;`. */
const ZERO_FIELD =
  /^\s*(?:(?:public|private|protected|readonly|static|declare|override|accessor)\s+)*#?([\w$]+)[?!]?\s*(?::\s*[\w$.]+\s*)?=\s*0\s*;?\s*(?:\/\/.*)?$/;

/** How far up a block comment is looked for: a doc comment is a few lines, and every 0 of a file asks. */
const BLOCK_LINES = 40;

/**
 * The comment right above `line`: a run of `//` or `*` lines, or a whole block comment whatever its lines start with
 * (scanbot's generated doc comments indent their text without a `*`).
 */
function commentAbove(lines: readonly string[], line: number): string[] {
  let above = line - 1;
  if (above >= 0 && /\*\/\s*$/.test(lines[above]!)) {
    let start = above;
    while (start >= 0 && above - start < BLOCK_LINES && !lines[start]!.includes("/*")) start--;
    if (start >= 0 && lines[start]!.includes("/*")) return lines.slice(start, line);
  }
  for (; above >= 0 && COMMENT_LINE.test(lines[above]!); above--);
  return lines.slice(above + 1, line);
}

/**
 * A comment saying another mechanism bounds the wait: `// timeouts are handled by AbortSignal in our middleware`,
 * `// the request timeout is enforced by the caller's signal`. A transport's own timer switched off there is no "no limit".
 */
const HANDLED_ELSEWHERE =
  /\btime-?outs? (are|is) (handled|enforced|managed|applied|implemented) (by|in|via|elsewhere|separately|upstream)\b|\b(handled|enforced) (by|via) (an? |the |our )?(AbortSignal|AbortController|abort signal)/i;

/** A sibling option of the same object holding a "no limit" too: `headersTimeout: 0,` below `bodyTimeout: 0,`. */
const SIBLING_OFF = /^\s*[\w$"']+\s*:\s*(0|false|Infinity)\s*,?\s*(\/\/.*)?$/;

/**
 * The code says the value switches a timer off because something else bounds the wait: a comment on its line, or the
 * comment right above it or above the run of sibling "no limit" options it belongs to (`bodyTimeout: 0,
 * headersTimeout: 0` under `// timeouts are handled by AbortSignal in our middleware`).
 */
export function documentedElsewhere(lines: readonly string[], at: number): boolean {
  return commentedAt(lines, at, HANDLED_ELSEWHERE);
}

/**
 * The code's comment at the value, as `documentedElsewhere` finds it, says "no limit" (`// Timeouts disabled` above
 * `socketTimeout: 0, totalTimeout: 0`): its own word for what it hands a receiver nobody here knows.
 */
export function documentedNoLimitAt(lines: readonly string[], at: number): boolean {
  return commentedAt(lines, at, NO_LIMIT_WORDS);
}

function commentedAt(lines: readonly string[], at: number, words: RegExp): boolean {
  let file = perFile.get(lines);
  if (!file) perFile.set(lines, (file = { starts: lineStarts(lines), comments: undefined }));
  const line = lineOf(file.starts, at);
  if (words.test(trailingComment(lines[line] ?? ""))) return true;
  let above = line;
  for (let siblings = 0; above > 0 && siblings < 8 && SIBLING_OFF.test(lines[above - 1]!); siblings++) above--;
  return commentAbove(lines, above).some((text) => words.test(text));
}

/** Per file (its source split in lines): where each line starts, and its comment lines that give a value no limit. */
const perFile = new WeakMap<readonly string[], { starts: number[]; comments: string[] | undefined }>();

/** The offset where each line starts (`lines` is the source split at "\n"). */
function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

/** The zero-based line of offset `at`: the last line starting at or before it (a "\n" belongs to its line). */
function lineOf(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/**
 * The `// ...` comment at the end of a line of code, strings removed first (`"http://x"` is no comment). A string's
 * character is an escape or any other character but a backslash: when `.` could also take the backslash, a minified
 * line of 90,000 characters backtracked for minutes (@aws/amazon-location-utilities-auth-helper's UMD bundle, fresh382).
 */
function trailingComment(line: string): string {
  const code = line.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  const at = code.indexOf("//");
  const block = code.indexOf("/*");
  if (at >= 0) return code.slice(at);
  return block >= 0 ? code.slice(block) : "";
}
