/**
 * An upper bound of how deep a JavaScript/TypeScript parser recurses on `source`, in bracket
 * levels, from one linear scan (no parse). oxc-parser is native code: nesting deeper than its
 * thread's stack allows ends the whole process with SIGSEGV, not an exception, so a file is
 * measured before it is parsed.
 *
 * The bound is bracket depth (`(`, `[`, `{`, `${`) plus, on every enclosing level, what nests
 * without brackets since that level's last `;` or `,`: prefix operators (`!!!!x`, `new new X`,
 * `A<A<B>>`), right-nesting operators (`a ? b : a ? b : ...`, `a = a = ...`, `a => a => ...`) and
 * statement keywords (`if (x) if (x) ...`), one level each; and left-deep binary chains
 * (`a && a && ...`, `a.b.c`), which cost the parser about a sixteenth of a level each (measured on
 * a 4 MiB stack: 2,000 nested functions or 5,000 ternaries overflow it, 30,000 `&&` do not). A line
 * ending in an operand ends the operator count (a statement without `;`), never the keyword count.
 * Strings and comments are skipped; a regular expression's brackets are counted, which only raises
 * the bound. Ordinary code stays below 300.
 */
export function nestingBound(source: string): number {
  // In sixteenths of a level, so a binary operator can weigh 1 and a level 16.
  const LEVEL = 16;
  const ops: number[] = [0];
  const keywords: number[] = [0];
  /** For each open bracket: whether it is a template's `${` (its `}` returns into the template). */
  const templateHoles: boolean[] = [];
  let depth = 0;
  let sum = 0;
  let max = 0;
  /** What the last token was: an operand (`a`), an operator or keyword (`+`), an opening bracket or `;`. */
  let last = "";
  const length = source.length;
  let i = 0;
  const raise = () => {
    if (depth * LEVEL + sum > max) max = depth * LEVEL + sum;
  };
  const open = (hole: boolean) => {
    depth += 1;
    templateHoles.push(hole);
    ops[depth] = 0;
    keywords[depth] = 0;
    raise();
  };
  /** Skips a template's text from `i` (just after its backtick or a hole's `}`) to its end or next `${`. */
  const templateText = () => {
    while (i < length) {
      const c = source.charCodeAt(i);
      if (c === 92 /* \ */) i += 2;
      else if (c === 96 /* ` */) {
        i += 1;
        return;
      } else if (c === 36 /* $ */ && source.charCodeAt(i + 1) === 123 /* { */) {
        i += 2;
        open(true);
        return;
      } else i += 1;
    }
  };
  while (i < length) {
    const c = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    // Comments and strings hold no nesting.
    if (c === 47 /* / */ && next === 47) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? length : end;
      continue;
    }
    if (c === 47 && next === 42 /* * */) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? length : end + 2;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i += 1;
      while (i < length) {
        const s = source.charCodeAt(i);
        if (s === 92) i += 2;
        else if (s === c || s === 10) break;
        else i += 1;
      }
      i += 1;
      last = "a";
      continue;
    }
    if (c === 96 /* ` */) {
      i += 1;
      templateText();
      last = "a";
      continue;
    }
    if (c < 128 && OPERATORS[c] === 1) {
      let end = i + 1;
      while (end < length && source.charCodeAt(end) < 128 && OPERATORS[source.charCodeAt(end)] === 1) end += 1;
      const run = source.slice(i, end);
      i = end;
      const weight = last === "a" ? afterOperand(run) : prefixes(run);
      ops[depth]! += weight;
      sum += weight;
      raise();
      last = "+";
      continue;
    }
    i += 1;
    if (c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */) {
      open(false);
      last = "(";
    } else if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) continue; // unbalanced: the parser reports it
      sum -= ops[depth]! + keywords[depth]!;
      depth -= 1;
      last = "a";
      if (c === 125 && templateHoles.pop()) templateText();
    } else if (c === 59 /* ; */ || c === 44 /* , */) {
      sum -= ops[depth]! + keywords[depth]!;
      ops[depth] = 0;
      keywords[depth] = 0;
      last = ";";
    } else if (c === 10 /* \n */) {
      if (last === "a") {
        sum -= ops[depth]!;
        ops[depth] = 0;
      }
    } else if (isWordStart(c)) {
      let end = i;
      while (end < length && isWordPart(source.charCodeAt(end))) end += 1;
      const start = i - 1;
      i = end;
      // Keywords are 2 to 7 lower-case letters: most identifiers are never sliced.
      if (end - start >= 2 && end - start <= 7 && c >= 97 && NESTING_KEYWORDS.has(source.slice(start, end))) {
        keywords[depth]! += LEVEL;
        sum += LEVEL;
        raise();
        last = "+";
      } else last = "a";
    } else if (c !== 32 && c !== 9 && c !== 13) {
      last = "a";
    }
  }
  return Math.ceil(max / LEVEL);
}

/** An operator run after an operand: a binary operator (a sixteenth), or one that nests what follows (a level). */
function afterOperand(run: string): number {
  if (run === "?." || run === ".") return 1;
  // `A<A<B>>` in TypeScript nests a level per `<` (a comparison chain is rare enough to overcount).
  if (run.startsWith("<") && !run.startsWith("<<") && !run.startsWith("<=")) return 16 + prefixes(run.slice(1));
  if (run.startsWith("?") || run.startsWith(":") || run.startsWith("=>")) return 16 + prefixes(run.slice(1));
  const assignment = /^(=|[-+*/%&|^]=|\*\*=|<<=|>>>?=|&&=|\|\|=|\?\?=)/.exec(run);
  if (assignment && !/^(==|===|!=|!==|<=|>=)$/.test(run)) return 16 + prefixes(run.slice(assignment[0].length));
  // `a + -b`: one binary operator, then prefixes.
  const binary = /^(\*\*|&&|\|\||\?\?|===?|!==?|<=|>=|>>>?|<<|[-+*/%&|^<>.!])/.exec(run)?.[0] ?? run;
  return 1 + prefixes(run.slice(binary.length));
}

/** Prefix operators nest one level each (`!!x`, `- -x`, `A<A<B>>`'s `<`); any other run counts once. */
function prefixes(run: string): number {
  if (run.length === 0) return 0;
  let weight = 0;
  for (const ch of run) if ("!~+-<".includes(ch)) weight += 16;
  return weight || 16;
}

/** `! ~ + - ? : = < > . & | * / % ^`, as a lookup table by character code. */
const OPERATORS = new Uint8Array(128);
for (const c of "!~+-?:=<>.&|*/%^") OPERATORS[c.charCodeAt(0)] = 1;

/** Keywords that open a construct nesting what follows without a bracket. */
const NESTING_KEYWORDS = new Set([
  "if",
  "else",
  "for",
  "while",
  "do",
  "with",
  "new",
  "typeof",
  "void",
  "delete",
  "await",
  "yield",
  "return",
  "throw",
  "case",
  "extends",
  "keyof",
  "infer",
]);

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}
