// Where a package's own functions take a timeout positionally. `def wait_for_status(self, name, status, check_type,
// timeout=60)` names its fourth parameter a timeout, so `self.wait_for_status(id, "ACTIVE", "cluster", 120)` hands it
// 120 as surely as `timeout=120` would: the package pass (`python-facts.ts`) reads every `def` of the package's
// modules from their text, and a file's check reads the literal in that place like the keyword's value.

import type { PythonFacts } from "./package-keepers.ts";

/** A function or method name -> the positions (`self`/`cls` left out) where every definition of it takes a timeout. */
type TimeoutPositions = NonNullable<PythonFacts["positions"]>;

/** A `def` at any depth: its name, then the signature is read from its `(`. */
const DEF = /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/gm;
/** A `class` at any depth: its name. */
const CLASS = /^[ \t]*class[ \t]+(\w+)\b/gm;
/** The longest signature read (characters); a longer one counts as unreadable. */
const MAX_SIGNATURE = 4000;

/** One definition's positional parameters, and the keywords its body hands each of them to (`time_out=max_time`). */
interface Definition {
  readonly parameters: readonly string[];
  readonly handed: ReadonlyMap<string, readonly string[]>;
}

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
      list.push(read && { parameters: read.names, handed: handedOn(text, read.end, indent, read.names) });
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
   * `poll_until(..., time_out=max_time)`, so `self.wait_for_slave_status("ON", client, 180)` bounds that poll by 180.
   */
  positions(isTimeout: (name: string) => boolean): Record<string, Record<number, string>> {
    // No prototype: `def constructor(self, timeout=5)` (or `toString`, `valueOf`) is a name like any other, not the
    // inherited `Object` that `??=` would find and write into.
    const out: Record<string, Record<number, string>> = Object.create(null) as Record<string, Record<number, string>>;
    for (const [name, lists] of this.byName) {
      if (/^__\w+__$/.test(name)) continue;
      const first = lists[0];
      if (!first) continue;
      first.parameters.forEach((parameter, index) => {
        if (!lists.every((list) => list?.parameters[index] === parameter)) return;
        const handed = lists.some((list) => list!.handed.get(parameter)?.some(isTimeout));
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
  let depth = 0;
  let start = from;
  const end = Math.min(text.length, from + MAX_SIGNATURE);
  for (let at = from; at < end; at++) {
    const char = text[at]!;
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth--;
    else if (char === ")") {
      if (depth-- > 0) continue;
      pieces.push(text.slice(start, at));
      return { names: names(pieces), end: at + 1 };
    } else if (char === "," && depth === 0) {
      pieces.push(text.slice(start, at));
      start = at + 1;
    } else if (char === "#") {
      const line = text.indexOf("\n", at);
      if (line < 0) return undefined;
      at = line;
    } else if (char === '"' || char === "'") {
      // Defaults are short strings: no triple quotes in a signature worth reading.
      if (text.startsWith(char.repeat(3), at)) return undefined;
      let close = at + 1;
      while (close < end && text[close] !== char && text[close] !== "\n") close += text[close] === "\\" ? 2 : 1;
      if (text[close] !== char) return undefined;
      at = close;
    }
  }
  return undefined;
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
 * `time_out`. A line indented no deeper than the `def` ends the body (a docstring's unindented line ends it early).
 */
function handedOn(text: string, from: number, indent: number, parameters: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (parameters.length === 0) return out;
  const stop = (BODY_END[indent] ??= new RegExp(`\\n[ \\t]{0,${indent}}(?=[^\\s#])`, "g"));
  stop.lastIndex = from;
  const body = text.slice(from, Math.min(stop.exec(text)?.index ?? text.length, from + MAX_BODY));
  for (const [, keyword, value] of body.matchAll(HANDED))
    if (parameters.includes(value!)) out.set(value!, [...(out.get(value!) ?? []), keyword!]);
  return out;
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

/** A call on the object itself or by a bare name (`judgePositionalTimeouts` reads no other receiver). */
const OWN_CALL = /(?:\b(?:self|cls)\.|(?<![.\w]))(\w+)[ \t]*\(/g;

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
