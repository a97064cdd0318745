// The prefilter's argument count: whether a call whose timeout is its last argument passes enough arguments for one,
// read from the text (strings, templates, comments and regular expressions skipped).
import type { Triggers } from "./prefilter.ts";

/**
 * Whether a call of `lastArgument.calls` in TypeScript source may pass as many arguments as its
 * timeout takes: from its `(`, the commas at its own level are counted (strings, templates and
 * comments skipped) up to its `)`. Whatever the scan cannot read for certain (a `/` that may be a
 * division, an unclosed string, the end of the text) counts as enough: a file is
 * only ever checked more than needed, never less. A match on a line that starts with `//` is
 * skipped; one inside a string or another comment is scanned too, which only checks more.
 */
export function lastArgumentCalls(source: string, lastArgument: NonNullable<Triggers["lastArgument"]>): boolean {
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
