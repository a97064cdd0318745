// Whether a read of an attribute only restates its value for a check (README "Restated for comparison"): the value
// a test expects back (`assert got == self.MINIMAL_TIMEOUT`, `self.assertEqual(got, self.MINIMAL_TIMEOUT)`), not
// one a wait is bounded by. A counter compared for equality where a loop gives up (`if waited == self.TIMEOUT:
// raise`, `while waited != self.TIMEOUT:`) is that loop's bound, as elapsed time compared by order is. Read from the
// module's text around the read, as the package pass reads it (no tree).

/** A callee that checks its arguments are equal / identical: unittest's and pytest-style assertion helpers. */
const EQUALITY_HELPER = /^(assert_?(not_?)?(equals?|eq|is|is_?not|almost_?equals?)|assert_?(not_?)?(equal|is)\w*)$/i;
/** A callee that checks its argument holds: the comparison inside it is an assertion (`self.assertTrue(a == b)`). */
const ASSERTION_HELPER = /^(assert\w*|check|expect)$/i;
/** A statement that leaves the loop it is in or the function: a body holding one is a give-up branch. */
const EXIT = /^[ \t]*(raise|break|return)\b|\bfail\s*\(/;
/** How far back a statement is looked for: a longer one is no assertion anyone writes around one read. */
const REACH = 2000;

/** The read `receiver.X` (`start`: X's first character, `end`: after it) restates its value for a check. */
export function restatedForCheck(text: string, start: number, end: number): boolean {
  const chain = start - 1 - /[\w.]*$/.exec(text.slice(Math.max(0, start - 120), start - 1))![0].length;
  const { statement, open } = statementAround(text, chain);
  const callee = open === undefined ? undefined : /([\w]+)\s*$/.exec(text.slice(Math.max(0, open - 80), open))?.[1];
  const after = text.slice(end, end + 40);
  if (callee && EQUALITY_HELPER.test(callee))
    return /[(,]\s*$/.test(text.slice(Math.max(0, chain - 200), chain)) && /^\s*[,)]/.test(after);
  if (!comparisonOperand(text.slice(Math.max(0, chain - 200), chain), after)) return false;
  const head = /^[ \t]*(\w+)/.exec(text.slice(statement, statement + 80))?.[1];
  if (head === "assert" || (callee && ASSERTION_HELPER.test(callee))) return true;
  if (head === "while") return false;
  if (head === "if" || head === "elif") return !(insideLoop(text, statement) && exits(text, statement));
  return true;
}

// The read stands alone on one side of `==` / `!=` / `is` / `is not`: the text before it ends with the operator
// (the read then ends its operand: the line, a `)`, `,`, `and`/`or`), or the text after it starts with one.
function comparisonOperand(before: string, after: string): boolean {
  if (/([=!]=|\bis(\s+not)?)\s*$/.test(before)) return /^[ \t]*(\n|\r|$|\)|,|:|\b(and|or)\b|#)/.test(after);
  return /^\s*([=!]=|is\b)/.test(after) && /(^|[(,]|\n|\b(assert|and|or|not|if|elif|while)\b)[ \t]*$/.test(before);
}

/**
 * Where the statement holding `at` starts (the last line begun outside any bracket), and the innermost `(` open at
 * `at`, if any: the text from a line up to `REACH` before it is read forward, skipping comments and strings.
 */
function statementAround(text: string, at: number): { statement: number; open: number | undefined } {
  let index = text.lastIndexOf("\n", Math.max(0, at - REACH)) + 1;
  let statement = index;
  const opens: number[] = [];
  while (index < at) {
    const char = text[index]!;
    if (char === "#") {
      const next = text.indexOf("\n", index);
      index = next < 0 || next > at ? at : next;
      continue;
    }
    if (char === '"' || char === "'") {
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      let close = index + quote.length;
      while (close < at && !text.startsWith(quote, close)) close += text[close] === "\\" ? 2 : 1;
      index = close + quote.length;
      continue;
    }
    if (char === "(" || char === "[" || char === "{") opens.push(char === "(" ? index : -1);
    else if (char === ")" || char === "]" || char === "}") opens.pop();
    else if (char === "\n" && opens.length === 0 && text[index - 1] !== "\\") statement = index + 1;
    index++;
  }
  const open = opens[opens.length - 1];
  return { statement, open: open === undefined || open < 0 ? undefined : open };
}

/** The line at `at` is inside a `while` / `for` body of its function (by indentation). */
function insideLoop(text: string, at: number): boolean {
  let indent = /^[ \t]*/.exec(text.slice(at))![0].length;
  let line = at;
  while (line > 0 && indent > 0) {
    line = text.lastIndexOf("\n", line - 2) + 1;
    const own = /^([ \t]*)(\S*)[ \t]*(\w*)/.exec(text.slice(line, line + 80))!;
    if (own[2] === "" || own[2]!.startsWith("#") || own[1]!.length >= indent) continue;
    indent = own[1]!.length;
    const word = own[2] === "async" ? own[3] : own[2];
    if (word === "while" || word === "for") return true;
    if (word === "def" || word === "class") return false;
  }
  return false;
}

/** The `if` statement at `at` has a body (on its line or below it, indented deeper) that leaves the loop. */
function exits(text: string, at: number): boolean {
  const indent = /^[ \t]*/.exec(text.slice(at))![0].length;
  const firstEnd = text.indexOf("\n", at);
  if (/:[ \t]*(raise|break|return)\b/.test(text.slice(at, firstEnd < 0 ? undefined : firstEnd))) return true;
  let line = firstEnd + 1;
  while (line > 0 && line < text.length) {
    const next = text.indexOf("\n", line);
    const body = text.slice(line, next < 0 ? undefined : next);
    if (body.trim() !== "" && !body.trim().startsWith("#")) {
      if (/^[ \t]*/.exec(body)![0].length <= indent && !/^[ \t]*[)\]}]/.test(body)) return false;
      if (EXIT.test(body)) return true;
    }
    line = next + 1;
  }
  return false;
}
