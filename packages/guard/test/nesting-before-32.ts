// nesting.ts as it was before session 32 dropped its token pattern's capture groups: test/nesting-equivalent.test.ts
// checks the scan against it. Not used by org-guard.
/** A level, in sixteenths, so a binary operator can weigh 1 and a level 16. */
const LEVEL = 16;

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
  // Not the literal `[0]`: a literal's elements are shared copy-on-write, so the first write of every call met
  // another elements map than the optimized scan was made for, and it was thrown away ("wrong map").
  const ops: number[] = new Array<number>(1).fill(0);
  const keywords: number[] = new Array<number>(1).fill(0);
  /** For each open bracket: whether it is a template's `${` (its `}` returns into the template). */
  const templateHoles: boolean[] = [];
  let depth = 0;
  /** What nests without brackets on the open levels, and the deepest point so far, both in sixteenths of a level. */
  let sum = 0;
  let max = 0;
  /** Whether the last token was an operand (`a`, `1`, `"s"`, `)`), not an operator, keyword, bracket or `;`. */
  let operand = false;
  // No closures: a helper made anew per call is a new call target for the optimized scan, which was thrown away and
  // compiled again ("wrong call target"). Opening a level (a bracket or a template's `${`) and raising the deepest
  // point are written out where they happen.
  // The scan goes token to token with one regular expression (native code): identifiers, numbers
  // and spaces between tokens are never visited one by one, which made the first check of a
  // commit pay for the scan more than for the parse (the code runs cold in a short-lived process).
  const tokens = TOKENS;
  tokens.lastIndex = 0;
  let end = 0;
  let match: RegExpExecArray | null;
  while ((match = tokens.exec(source)) !== null) {
    const start = match.index;
    // Anything but spaces between two tokens is an operand (an identifier, a number, `#x`).
    if (start > end && !(isBlank(source.charCodeAt(start - 1)) && blankUntil(source, end, start))) operand = true;
    const token = match[0];
    end = tokens.lastIndex;
    const c = token.charCodeAt(0);
    if (match[1] !== undefined) continue; // a comment
    let opens = false;
    let hole = false;
    if (match[2] !== undefined) {
      operand = true; // a string
    } else if (c === 96 /* ` */) {
      const text = templateText(source, end);
      end = TEMPLATE_TEXT.lastIndex;
      tokens.lastIndex = end;
      operand = true;
      opens = hole = text[1] === "${";
    } else if (match[3] !== undefined) {
      const weight = operand ? weightOf(AFTER_OPERAND, token, afterOperand) : weightOf(PREFIXES, token, prefixes);
      ops[depth]! += weight;
      sum += weight;
      if (depth * LEVEL + sum > max) max = depth * LEVEL + sum;
      operand = false;
    } else if (c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */) {
      opens = true;
      operand = false;
    } else if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) continue; // unbalanced: the parser reports it
      sum -= ops[depth]! + keywords[depth]!;
      depth -= 1;
      operand = true;
      if (c === 125 && templateHoles.pop()) {
        const text = templateText(source, end);
        end = TEMPLATE_TEXT.lastIndex;
        tokens.lastIndex = end;
        opens = hole = text[1] === "${";
      }
    } else if (c === 59 /* ; */ || c === 44 /* , */) {
      sum -= ops[depth]! + keywords[depth]!;
      ops[depth] = 0;
      keywords[depth] = 0;
      operand = false;
    } else if (c === 10 /* \n */) {
      if (operand) {
        sum -= ops[depth]!;
        ops[depth] = 0;
      }
    } else if (isKeyword(source, start)) {
      keywords[depth]! += LEVEL;
      sum += LEVEL;
      if (depth * LEVEL + sum > max) max = depth * LEVEL + sum;
      operand = false;
    } else operand = true; // a word that only looked like a keyword (`a1if`)
    if (opens) {
      depth += 1;
      templateHoles.push(hole);
      ops[depth] = 0;
      keywords[depth] = 0;
      if (depth * LEVEL + sum > max) max = depth * LEVEL + sum;
    }
  }
  return Math.ceil(max / LEVEL);
}

/**
 * One token per match, tried in this order at each position: a comment (group 1), a string
 * (group 2, ending at its quote or at the end of the line, either consumed), a template's
 * backtick, an operator run (group 3), a bracket, `;`, `,`, a line end, or a keyword not preceded
 * by a word character (the scan decides about a digit before it).
 */
const TOKENS =
  /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\[\s\S]?)*["\n]?|'(?:[^'\\\n]|\\[\s\S]?)*['\n]?)|`|([!~+\-?:=<>.&|*/%^]+)|[()[\]{};,\n]|(?<![A-Za-z_$\u0080-\uffff])(?:if|else|for|while|do|with|new|typeof|void|delete|await|yield|return|throw|case|extends|keyof|infer)(?![\w$\u0080-\uffff])/g;
/**
 * A template's text up to its closing backtick, its next `${` or the end of the file (group 1: empty there, never
 * missing, so the scan compares a string every time).
 */
const TEMPLATE_TEXT = /(?:[^`\\$]|\\[\s\S]?|\$(?!\{))*(`|\$\{|$)/y;

/** A template's text from `at` (after its backtick or a hole's `}`); it ends at `TEMPLATE_TEXT.lastIndex`. */
function templateText(source: string, at: number): RegExpExecArray {
  TEMPLATE_TEXT.lastIndex = at;
  return TEMPLATE_TEXT.exec(source)!;
}

/** A keyword match after a digit is a keyword only if no letter starts the word before it (`1if`, not `a1if`). */
function isKeyword(source: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = source.charCodeAt(i);
    if (c < 48 || c > 57) return !isWordStart(c);
  }
  return true;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Whether source[from, to) holds only spaces, tabs and carriage returns. */
function blankUntil(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(source.charCodeAt(i))) return false;
  return true;
}

/** Operator runs repeat (`.`, ` = `, `=>`, `&&`): each run's weight is worked out once. */
const AFTER_OPERAND = new Map<string, number>();
const PREFIXES = new Map<string, number>();
function weightOf(cache: Map<string, number>, run: string, weigh: (run: string) => number): number {
  let weight = cache.get(run);
  if (weight === undefined) {
    weight = weigh(run);
    if (cache.size < 1_000) cache.set(run, weight);
  }
  return weight;
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

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
