// Which files can hold a finding, decided from their text before their syntax tree is read.
import type { GuardConfig } from "./config.ts";

const GENERIC_METHODS = new Set(["wait", "join", "poll"]);

interface Triggers {
  /** A match of any and the file is checked. */
  any: RegExp[];
  /** Calls whose timeout is their last argument (`it(name, fn, 5000)`), with the fewest arguments that takes. */
  lastArgument?: { calls: RegExp; minArguments: number[] };
}

const triggers = new WeakMap<GuardConfig, Record<"js" | "python", Triggers>>();

/**
 * A cheap test that every file with a possible finding passes: it mentions "timeout" (every
 * timeout name and most APIs) or "deadline" (`deadline = time.monotonic() + 5`), calls one of the
 * configured APIs by its method name, names an extra timeout name, or (Python) uses
 * requests/httpx, or holds a suppression comment.
 *
 * A call whose timeout is its last argument (`it`, `test`, `beforeEach`: every test file makes
 * them) counts in TypeScript only when it passes enough arguments for a last one to follow its
 * callback (`it("...", fn, 5000)`, `beforeEach(fn, 5000)`), counted in the text (`lastArgumentCalls`).
 */
export function mightHoldTimeout(
  source: string,
  config: GuardConfig,
  language: "js" | "python",
  typescript = false,
): boolean {
  let patterns = triggers.get(config);
  if (!patterns) triggers.set(config, (patterns = build(config)));
  const { any, lastArgument } = patterns[language];
  for (const pattern of any) if (pattern.test(source)) return true;
  if (!lastArgument) return false;
  // Outside TypeScript, a JSX text (`<p>Don't</p>`) can hold a quote that is no string: any such call counts.
  if (!typescript) {
    lastArgument.calls.lastIndex = 0;
    return lastArgument.calls.test(source);
  }
  return lastArgumentCalls(source, lastArgument);
}

function build(config: GuardConfig): Record<"js" | "python", Triggers> {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const call = (lang: "js" | "python", callee: string) => {
    const method = callee.slice(callee.lastIndexOf(".") + 1);
    // `x.wait(5)`, `t.join(3)`: generic method names count with a literal argument only.
    if (lang === "python" && GENERIC_METHODS.has(method)) return `\\.${method}\\s*\\(\\s*[\\d(]`;
    // Python resolves imports (`from asyncio import wait_for`), so there only the method name counts.
    if (lang === "python") return `\\b${escape(method)}\\s*\\(`;
    // `*.setDefaultTimeout` -> `.setDefaultTimeout(`.
    if (callee.startsWith("*.")) return `\\.\\s*${escape(callee.slice(2))}\\s*\\(`;
    // `jest.setTimeout` -> `jest.setTimeout(` not preceded by `.` or a word. The test follows the first name (the
    // same condition as a lookbehind before it), so the engine looks for the name's first letter.
    const [first, ...rest] = callee.split(".").map(escape);
    return `${first}(?<![.\\w$]${first})${rest.map((name) => `\\s*\\.\\s*${name}`).join("")}\\s*\\(`;
  };
  const triggersOf = (lang: "js" | "python", extra: string[]): Triggers => {
    const apis = config.apis.filter((api) => api.language === lang);
    // A callee every API of which takes its timeout last (test functions and hooks) is tested apart in JS.
    const lastOnly = (callee: string) =>
      lang === "js" && apis.every((api) => api.callee !== callee || api.argument === "last");
    const callees = [...new Set(apis.map((api) => api.callee))];
    const words = ["timeout", "deadline", "org-guard-ignore", ...config.extraTimeoutNames];
    // A callee whose name holds one of the words needs no alternative of its own: any text its alternative matches
    // holds the word (`setTimeout(` holds `timeout`), and the fewer the alternatives, the faster every file's scan.
    const spelled = (callee: string) => {
      const names = lang === "python" ? [callee.slice(callee.lastIndexOf(".") + 1)] : callee.split(".");
      return names.some((name) => words.some((word) => name.toLowerCase().includes(word.toLowerCase())));
    };
    const strong = callees
      .filter((callee) => !lastOnly(callee) && !spelled(callee))
      .map((callee) => call(lang, callee));
    const alternatives = [...new Set([...strong, ...extra])];
    // Three scans, each finding what the one alternation of them all would: the words (plain text, which the engine
    // finds fastest alone), the calls after a dot, and the calls by name. A file that mentions none (most files) is
    // read by each to its end, and one alternation of all of them read it twice as slowly as the three.
    const dotted = alternatives.filter((alternative) => alternative.startsWith("\\."));
    const any = [
      new RegExp(words.map(escape).join("|"), "i"),
      ...(dotted.length > 0 ? [new RegExp(dotted.join("|"), "i")] : []),
      ...byName(alternatives.filter((alternative) => !alternative.startsWith("\\."))),
    ];
    const last = callees.filter(lastOnly);
    if (last.length === 0) return { any };
    // One capture group per callee, so a match says which callee it is.
    const calls = new RegExp(last.map((callee) => `(${call(lang, callee)})`).join("|"), "gi");
    const minArguments = last.map((callee) =>
      Math.min(...apis.filter((api) => api.callee === callee).map((api) => api.minArguments ?? 2)),
    );
    return { any, lastArgument: { calls, minArguments } };
  };
  return {
    js: triggersOf("js", ["\\.\\s*(del|unlink|DEL|UNLINK)\\s*\\("]),
    python: triggersOf("python", [
      "\\b(requests|httpx)\\b",
      "\\.\\s*(delete|unlink)\\s*\\(",
      "\\.(get|acquire)\\s*\\(\\s*(True|False)\\s*,",
    ]),
  };
}

/** A JS callee's alternative (`call`): its first name, then the lookbehind that no `.` or word comes before it. */
const NAMED = /^(.+?)\(\?<!\[\.\\w\$\]\1\)(.*)$/s;

/**
 * The alternatives that start with a name, as one case-insensitive pattern that finds the same matches faster: a JS
 * callee's lookbehind moves before its name (`(?<![.\w$])axios…`, the same test) and the names are grouped by their
 * first letter (`(?<![.\w$])(?:a(?:xios…)|f(?:etch…|astify…)|…)`), so a letter that starts none of them is passed
 * over at once and one that starts several is read once. What is not such a name stays an alternative of its own.
 */
function byName(alternatives: readonly string[]): RegExp[] {
  const named = new Map<string, string[]>();
  const other: string[] = [];
  for (const alternative of alternatives) {
    const match = NAMED.exec(alternative);
    if (!match || !/^\w/.test(match[1]!)) {
      other.push(alternative);
      continue;
    }
    const first = match[1]!.charAt(0).toLowerCase();
    named.set(first, [...(named.get(first) ?? []), match[1]!.slice(1) + match[2]!]);
  }
  const grouped = [...named].map(([first, rests]) => `${first}(?:${rests.join("|")})`);
  const all = [...(grouped.length > 0 ? [`(?<![.\\w$])(?:${grouped.join("|")})`] : []), ...other];
  return all.length > 0 ? [new RegExp(all.join("|"), "i")] : [];
}

/**
 * Whether a call of `lastArgument.calls` in TypeScript source may pass as many arguments as its
 * timeout takes: from its `(`, the commas at its own level are counted (strings, templates and
 * comments skipped) up to its `)`. Whatever the scan cannot read for certain (a `/` that may be a
 * division, an unclosed string, the end of the text) counts as enough: a file is
 * only ever checked more than needed, never less. A match on a line that starts with `//` is
 * skipped; one inside a string or another comment is scanned too, which only checks more.
 */
function lastArgumentCalls(source: string, lastArgument: NonNullable<Triggers["lastArgument"]>): boolean {
  const { calls, minArguments } = lastArgument;
  calls.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = calls.exec(source)) !== null) {
    // A line that starts with `//` is a comment through its end (a commented-out test).
    if (/^[ \t]*\/\//.test(source.slice(source.lastIndexOf("\n", match.index) + 1, match.index))) continue;
    const which = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    if (argumentsReach(source, calls.lastIndex, minArguments[which]!)) return true;
  }
  return false;
}

/** From just after a call's `(`: whether it may have `wanted` arguments (see `lastArgumentCalls`). */
function argumentsReach(source: string, from: number, wanted: number): boolean {
  let depth = 0;
  let commas = 0;
  /** Per open `${` of a template: the brace depth it opened at (its `}` returns into the template). */
  const holes: number[] = [];
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */) depth += 1;
    else if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) {
      if (c === 125 && holes.length > 0 && holes.at(-1) === depth) {
        holes.pop();
        i = templateText(source, i + 1, holes, depth);
        if (i < 0) return true;
        continue;
      }
      if (depth === 0) return commas + 1 >= wanted; // the call's own `)`
      depth -= 1;
    } else if (c === 44 /* , */) {
      if (depth === 0) commas += 1;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      i = stringEnd(source, i, c);
      if (i < 0) return true;
    } else if (c === 96 /* ` */) {
      i = templateText(source, i + 1, holes, depth);
      if (i < 0) return true;
    } else if (c === 47 /* / */) {
      const next = source.charCodeAt(i + 1);
      if (next === 47) {
        const end = source.indexOf("\n", i);
        if (end < 0) return true;
        i = end;
      } else if (next === 42 /* * */) {
        const end = source.indexOf("*/", i + 2);
        if (end < 0) return true;
        i = end + 1;
      } else if (REGEX_BEFORE.has(previousChar(source, i))) {
        // After `(`, `,`, `=`, `:` and the like a `/` cannot divide: a regular expression starts.
        i = regexEnd(source, i);
        if (i < 0) return true;
      } else return true; // maybe a division, maybe a regular expression: not read here
    }
  }
  return true;
}

/** The index of a quoted string's closing quote, or -1 if it ends at a line end or the end of the text. */
function stringEnd(source: string, start: number, quote: number): number {
  for (let i = start + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === quote) return i;
    if (c === 92 /* \ */) i += 1;
    else if (c === 10) return -1;
  }
  return -1;
}

/**
 * Skips a template's text from `at`: returns the index of its closing backtick, or of the `{` of
 * its next `${` (pushing the brace depth that hole opens at, so its `}` comes back here); -1 at
 * the end of the text.
 */
function templateText(source: string, at: number, holes: number[], depth: number): number {
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) i += 1;
    else if (c === 96 /* ` */) return i;
    else if (c === 36 /* $ */ && source.charCodeAt(i + 1) === 123 /* { */) {
      holes.push(depth);
      return i + 1;
    }
  }
  return -1;
}

/**
 * Characters after which a `/` starts a regular expression, never a division (nothing to divide:
 * no operand ends in them). Not `)`, `]`, `}`, `+`, `-`, `!`, `<`, `>`: `(a) / b`, `a++ / b`,
 * TypeScript's `a! / b` and `f<T>() / b` divide.
 */
const REGEX_BEFORE = new Set([..."(,=:[&|?{;*%~^"].map((c) => c.charCodeAt(0)));

/** The code of the last character before `at` that is not white space (0 at the start of the text). */
function previousChar(source: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return 0;
}

/** The index of a regular expression's closing `/` (a `/` in a class `[...]` does not close it), or -1 at a line end. */
function regexEnd(source: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) i += 1;
    else if (c === 10) return -1;
    else if (c === 91 /* [ */) inClass = true;
    else if (c === 93 /* ] */) inClass = false;
    else if (c === 47 /* / */ && !inClass) return i;
  }
  return -1;
}
