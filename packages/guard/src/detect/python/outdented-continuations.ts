// Line breaks inside brackets before a line indented less than its statement (dnstwist's `p_cli(FG_RND + ST_BRI +`
// then its banner `r'''...` at column 0; `x = (a +` then `b)` at the block's own column). Python ignores indentation
// inside brackets; tree-sitter-python (0.25) reads such a line after an operator as a dedent and fails the file.
// `reparse.ts` blanks these breaks to spaces (offsets stay put) and parses again.

/** A tab advances to the next multiple of eight columns, as Python's tokenizer counts it. */
function indentOf(source: string, at: number): number {
  let column = 0;
  for (let i = at; i < source.length; i++) {
    if (source[i] === " ") column += 1;
    else if (source[i] === "\t") column = column - (column % 8) + 8;
    else return column;
  }
  return column;
}

/** Whether the line starting at `at` holds only blanks (or nothing): it says nothing of indentation. */
function blankLine(source: string, at: number): boolean {
  for (let i = at; i < source.length && source[i] !== "\n"; i++) if (!/[ \t\r\f]/.test(source[i]!)) return false;
  return true;
}

/** The offset just past the string that opens at `at` (its quote), or the source's end. */
function stringEnd(source: string, at: number): number {
  const quote = source[at]!;
  const triple = source.startsWith(quote.repeat(3), at);
  let i = at + (triple ? 3 : 1);
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") i += 2;
    else if (triple ? source.startsWith(quote.repeat(3), i) : c === quote) return i + (triple ? 3 : 1);
    else if (!triple && c === "\n") return i;
    else i += 1;
  }
  return source.length;
}

/** The offsets of the line breaks to blank: inside brackets, outside strings and comments, before an outdented line. */
export function outdentedBreaks(source: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let statementIndent = indentOf(source, 0);
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i += 1;
    } else if (c === '"' || c === "'") {
      i = stringEnd(source, i);
    } else if (c === "(" || c === "[" || c === "{") {
      depth += 1;
      i += 1;
    } else if (c === ")" || c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
      i += 1;
    } else if (c === "\n") {
      const next = i + 1;
      if (depth > 0) {
        if (!blankLine(source, next) && indentOf(source, next) < statementIndent) out.push(i);
      } else if (source[i - 1] !== "\\" && !blankLine(source, next)) statementIndent = indentOf(source, next);
      i = next;
    } else i += 1;
  }
  return out;
}
