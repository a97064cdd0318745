// Where a package's own functions take a timeout positionally. `def wait_for_status(self, name, status, check_type,
// timeout=60)` names its fourth parameter a timeout, so `self.wait_for_status(id, "ACTIVE", "cluster", 120)` hands it
// 120 as surely as `timeout=120` would: the package pass (`python-facts.ts`) reads every `def` of the package's
// modules from their text, and a file's check reads the literal in that place like the keyword's value.

import { matchApi, type TimeoutApi } from "../../apis.ts";
import type { PythonFacts } from "./package-keepers.ts";

/** A function or method name -> the positions (`self`/`cls` left out) where every definition of it takes a timeout. */
type TimeoutPositions = NonNullable<PythonFacts["positions"]>;

/** A `def` at any depth: its name, then the signature is read from its `(`. */
const DEF = /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/gm;
/** A `class` at any depth: its name. */
const CLASS = /^[ \t]*class[ \t]+(\w+)\b/gm;
/** The longest signature read (characters); a longer one counts as unreadable. */
const MAX_SIGNATURE = 4000;

/**
 * One definition's positional parameters, the keywords its body hands each of them to (`time_out=max_time`), and the
 * places of calls it hands each of them to (`WebDriverWait(self.driver, sec)`: `WebDriverWait` and 1).
 */
interface Definition {
  readonly parameters: readonly string[];
  readonly handed: ReadonlyMap<string, readonly string[]>;
  readonly placed: ReadonlyMap<string, readonly (readonly [callee: string, index: number])[]>;
}

/** Whether a call's positional argument `index` is a known API's timeout (`WebDriverWait(driver, 10)`: 1). */
export type TimeoutPlace = (callee: string, index: number) => boolean;

/** The timeout places of a config's APIs, by the callee as written (`ui.WebDriverWait` matches `*.WebDriverWait`). */
export const apiTimeoutPlace =
  (apis: readonly TimeoutApi[]): TimeoutPlace =>
  (callee, index) =>
    matchApi(apis, "python", callee)?.argument === index;

/** Every definition's positional parameter names, by function name (collected over all of a package's modules). */
export class Signatures {
  private readonly byName = new Map<string, (Definition | undefined)[]>();
  private readonly classes = new Map<string, number>();

  /** Reads the `def`s of one module's text. */
  add(text: string): void {
    for (const match of text.matchAll(DEF)) {
      const list = this.byName.get(match[1]!) ?? [];
      const read = positionalParameters(text, match.index + match[0].length);
      const indent = match[0].search(/\S/);
      list.push(read && { parameters: read.names, ...handedOn(text, read.end, indent, read.names) });
      this.byName.set(match[1]!, list);
    }
    for (const match of text.matchAll(CLASS)) this.classes.set(match[1]!, (this.classes.get(match[1]!) ?? 0) + 1);
  }

  /** How many definitions of `name` the package's modules have. */
  count(name: string): number {
    return this.byName.get(name)?.length ?? 0;
  }

  /** How many `class` statements of the package define `name`. */
  classCount(name: string): number {
    return this.classes.get(name) ?? 0;
  }

  /**
   * The names with a timeout positional parameter at a place where every definition of the name has that same
   * parameter: two classes' `get(self, key)` and `get(self, timeout=None)` disagree, and neither is read. A signature
   * the scan could not read disagrees with every other. A parameter is a timeout by its name (`isTimeout`) or by
   * what a definition's body does with it: `def wait_for_slave_status(self, status, client, max_time)` hands it to
   * `poll_until(..., time_out=max_time)`, so `self.wait_for_slave_status("ON", client, 180)` bounds that poll by 180;
   * or hands it to a known API's timeout place (`isPlace`): `def wait_for_alert(self, sec=5)` whose body runs
   * `ui.WebDriverWait(self.driver, sec).until(...)`, so `self.wait_for_alert(90)` bounds that wait by 90.
   */
  positions(
    isTimeout: (name: string) => boolean,
    isPlace: TimeoutPlace = () => false,
  ): Record<string, Record<number, string>> {
    // No prototype: `def constructor(self, timeout=5)` (or `toString`, `valueOf`) is a name like any other, not the
    // inherited `Object` that `??=` would find and write into.
    const out: Record<string, Record<number, string>> = Object.create(null) as Record<string, Record<number, string>>;
    for (const [name, lists] of this.byName) {
      if (/^__\w+__$/.test(name)) continue;
      const first = lists[0];
      if (!first) continue;
      first.parameters.forEach((parameter, index) => {
        if (!lists.every((list) => list?.parameters[index] === parameter)) return;
        const handed = lists.some(
          (list) =>
            list!.handed.get(parameter)?.some(isTimeout) ||
            list!.placed.get(parameter)?.some(([callee, at]) => isPlace(callee, at)),
        );
        if (isTimeout(parameter) || handed) (out[name] ??= {})[index] = parameter;
      });
    }
    return out;
  }
}

/**
 * The positional parameters of the signature whose `(` ends at `from`, without a leading `self`/`cls` and up to a
 * `*`, `*args` or `**kwargs`; undefined when the signature cannot be read (too long, an unclosed string).
 */
function positionalParameters(text: string, from: number): { names: string[]; end: number } | undefined {
  const pieces: string[] = [];
  const end = splitList(text, from, true, (piece) => {
    pieces.push(piece);
    return true;
  });
  return typeof end === "number" ? { names: names(pieces), end } : undefined;
}

/**
 * Hands `take` each piece of the bracketed list whose `(` ends at `from`, as written, split at its top-level commas,
 * while `take` answers true (the piece before the `)` always goes). A comment or a string stops the list ("stopped")
 * unless `skip`: then a comment is read past to its line's end and a one-line string to its close (a signature's
 * defaults are short strings). The index after the `)`, "stopped", or undefined when the list cannot be read (its end
 * past `MAX_SIGNATURE`, a triple-quoted or unclosed string, a comment on the text's last line).
 */
function splitList(
  text: string,
  from: number,
  skip: boolean,
  take: (piece: string) => boolean,
): number | "stopped" | undefined {
  let depth = 0;
  let start = from;
  const end = Math.min(text.length, from + MAX_SIGNATURE);
  for (let at = from; at < end; at++) {
    const char = text[at]!;
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth--;
    else if (char === ")") {
      if (depth-- > 0) continue;
      take(text.slice(start, at));
      return at + 1;
    } else if (char === "," && depth === 0) {
      if (!take(text.slice(start, at))) return "stopped";
      start = at + 1;
    } else if (char === "#" || char === '"' || char === "'") {
      if (!skip) return "stopped";
      const after = char === "#" ? text.indexOf("\n", at) : stringClose(text, at, end);
      if (after < 0) return undefined;
      at = after;
    }
  }
  return undefined;
}

/** Where the one-line string opening at `at` closes (before `end`); -1 for a triple-quoted or unclosed one. */
function stringClose(text: string, at: number, end: number): number {
  const quote = text[at]!;
  if (text.startsWith(quote.repeat(3), at)) return -1;
  let close = at + 1;
  while (close < end && text[close] !== quote && text[close] !== "\n") close += text[close] === "\\" ? 2 : 1;
  return text[close] === quote ? close : -1;
}

/** The longest body read for the keywords it hands its parameters to (characters). */
const MAX_BODY = 20_000;
/** By the `def`'s indentation: the first line after it indented no deeper, a line of code (not blank, no comment). */
const BODY_END: RegExp[] = [];
/** A keyword argument whose value is a bare name: `time_out=max_time` in `poll_until(f, time_out=max_time)`. */
const HANDED = /[(,][ \t\n\\]*(\w+)[ \t]*=[ \t]*(\w+)[ \t\n\\]*(?=[,)])/g;

/**
 * The keywords the body after a signature (its lines indented deeper than the `def`, up to `MAX_BODY`) hands each of
 * `parameters` to, read from the text: `poll_until(f, sleep_time=3, time_out=max_time)` hands `max_time` to
 * `time_out`; and the calls' places it hands them to (`WebDriverWait(self.driver, sec)` hands `sec` to
 * `WebDriverWait`'s second). A line indented no deeper than the `def` ends the body (a docstring's unindented line ends
 * it early).
 */
function handedOn(
  text: string,
  from: number,
  indent: number,
  parameters: readonly string[],
): Pick<Definition, "handed" | "placed"> {
  const out = new Map<string, string[]>();
  const placed = new Map<string, [string, number][]>();
  if (parameters.length === 0) return { handed: out, placed };
  const stop = (BODY_END[indent] ??= new RegExp(`\\n[ \\t]{0,${indent}}(?=[^\\s#])`, "g"));
  stop.lastIndex = from;
  const body = text.slice(from, Math.min(stop.exec(text)?.index ?? text.length, from + MAX_BODY));
  for (const [, keyword, value] of body.matchAll(HANDED))
    if (parameters.includes(value!)) out.set(value!, [...(out.get(value!) ?? []), keyword!]);
  for (const match of body.matchAll(PLACED_CALL)) {
    const pieces = argumentPieces(body, match.index + match[0].length);
    pieces?.forEach((piece, index) => {
      if (parameters.includes(piece)) placed.set(piece, [...(placed.get(piece) ?? []), [match[1]!, index]]);
    });
  }
  return { handed: out, placed };
}

/** A call by a dotted name whose arguments may name a parameter bare: `ui.WebDriverWait(`, `event.wait(`. */
const PLACED_CALL = /(?<![\w.])([A-Za-z_][\w.]*)[ \t]*\(/g;

/**
 * The positional arguments of the call whose `(` ends at `from`, as written (trimmed), up to the first keyword or
 * splat; undefined when the call cannot be read on (a string, a comment or its end inside it).
 */
function argumentPieces(text: string, from: number): string[] | undefined {
  const pieces: string[] = [];
  const end = splitList(text, from, false, (written) => {
    const piece = written.trim();
    // `f(a, timeout=5)`, `f(*args)`: the places after it are not positional ones.
    if (piece === "" || /^\*|^\w+\s*=(?!=)/.test(piece)) return false;
    pieces.push(piece);
    return true;
  });
  return end === undefined ? undefined : pieces;
}

function names(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === "" || trimmed === "/") continue;
    if (trimmed.startsWith("*")) break;
    const name = /^\w+/.exec(trimmed)?.[0];
    if (!name) return out;
    out.push(name);
  }
  if (out[0] === "self" || out[0] === "cls") out.shift();
  return out;
}

/**
 * A call on the object itself, by a bare name or on one name (`Utils.wait_for(`, a class or module the package may
 * own): `judgePositionalTimeouts` reads no other receiver.
 */
const OWN_CALL = /(?:\b(?:self|cls)\.|(?<![.\w])\w+\.|(?<![.\w]))(\w+)[ \t]*\(/g;

/**
 * Whether a text calls one of the package's functions that take a timeout positionally (a file the prefilter would
 * skip for naming no timeout: a test module that only calls `self.wait_for_status(id, "ACTIVE", "cluster", 120)`).
 * One pass over the calls with a lookup each, however many names the package has.
 */
export function callsTimeoutPosition(text: string, positions: TimeoutPositions | undefined): boolean {
  if (!positions) return false;
  for (const match of text.matchAll(OWN_CALL)) if (Object.hasOwn(positions, match[1]!)) return true;
  return false;
}
