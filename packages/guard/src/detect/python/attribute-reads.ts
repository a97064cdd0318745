// Who reads an attribute named like a timeout, package-wide: the evidence that a class's `self.timeout = 60` or
// `TIMEOUT = 10` is read by nothing. A name as common as `timeout` is mentioned in most modules of a package, so the
// count of files that name it (`words`) cannot tell; where it is read as an attribute can. A read through `self.X` or
// `cls.X` reads the attribute of an object of the class whose method holds it; a read through any other receiver
// (`conn.timeout`, `self.options.timeout`, `super().timeout`) or by name (`getattr(o, "timeout")`) may read any
// class's. `socket.timeout` on a module the file imports is no attribute of an object.
import { restatedForCheck } from "./compared-reads.ts";

/** What the package pass records of one attribute name (see `PythonFacts.attributes`). */
export interface AttributeReads {
  /** Classes one of whose methods reads `self.X` or `cls.X` (by class name). */
  readonly classes: string[];
  /** Read through another receiver, by name, or outside a class: any object's may be read. */
  other?: true;
  /**
   * Read through another receiver only as an object (`self.timer.timeout.connect(...)`, Qt's signal): an attribute
   * or method of the value is used, so what it reads is no number.
   */
  objects?: true;
  /**
   * Read somewhere other than in a check that restates its value (`comparedOnly`): an `==` / `is` operand in an
   * `assert`, an `assertEqual`-like helper's argument, a comparison that is no loop's give-up condition.
   */
  uncompared?: true;
}

/** A `class X` or `def x` at any depth, with its indentation: the scopes a read's line may sit in. */
const HEADER = /^([ \t]*)(?:async[ \t]+)?(class|def)[ \t]+(\w+)/gm;
/** `class X(A, mod.B, metaclass=M):` (the bases up to the first closing parenthesis). */
const CLASS = /^[ \t]*class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?/gm;
/** `import socket`, `import os.path as p`: names bound to modules. */
const MODULE_IMPORT = /^[ \t]*import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?/gm;
/** The quoted name handed to a by-name read: `getattr(o, "X"`, `attrgetter("X"`, `__dict__["X"`, `__dict__.get("X"`. */
const BY_NAME =
  /(?:\b(?:getattr|hasattr|setattr)\s*\([^,()]*,\s*|\battrgetter\s*\(\s*|__dict__\s*(?:\[|\.get\s*\(\s*))$/;
/** A comment or a string literal (an f-string's fields are code: those are kept as reads). */
const STRING_OR_COMMENT =
  /#[^\n]*|(?<![\w])([rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;
/** A metaclass that reads no attribute of the classes it makes. */
const PLAIN_METACLASS = /^(abc\.)?ABCMeta$/;

/**
 * Records the attribute reads among a module's timeout words (`found`, from the package pass) into `reads`, and its
 * classes' bases into `bases` (class name -> last names of its bases; `?` for a base no name can follow).
 */
export function attributeReadsIn(
  text: string,
  found: readonly { word: string; start: number }[],
  reads: Record<string, AttributeReads>,
  bases: Record<string, string[]>,
): void {
  for (const match of text.matchAll(CLASS)) {
    const list = (bases[match[1]!] ??= []);
    for (const part of (match[2] ?? "").split(",")) {
      const base = part.trim();
      if (!base) continue;
      const keyword = /^(\w+)\s*=\s*(.*)$/s.exec(base);
      if (keyword) {
        if (keyword[1] !== "metaclass" || !PLAIN_METACLASS.test(keyword[2]!.trim())) list.push("?");
        continue;
      }
      list.push(/^[\w.]+(\[.*)?$/s.test(base) ? base.replace(/\[.*$/s, "").split(".").pop()! : "?");
    }
  }
  if (found.length === 0) return;
  const modules = new Set<string>();
  for (const match of text.matchAll(MODULE_IMPORT)) modules.add(match[2] ?? match[1]!.split(".")[0]!);
  let scopes: Scope[] | undefined;
  // Comments and string literals (`# reads self.timeout`), by where each starts and ends; read once, if needed.
  let texts: { at: number; end: number }[] | undefined;
  for (const { word, start } of found) {
    const before = text[start - 1];
    const end = start + word.length;
    if ((before === '"' || before === "'") && text[end] === before) {
      if (BY_NAME.test(text.slice(Math.max(0, start - 120), start - 1))) (reads[word] ??= { classes: [] }).other = true;
      continue;
    }
    if (before !== ".") continue;
    texts ??= [...text.matchAll(STRING_OR_COMMENT)]
      .filter((match) => !/f/i.test(match[1] ?? ""))
      .map((match) => ({ at: match.index, end: match.index + match[0].length }));
    const around = enclosingTop(texts, start + 1);
    if (around && start < around.end) continue;
    const lineStart = text.lastIndexOf("\n", start) + 1;
    const receiver = /(?:^|[^\w.)\]])(\w+)\s*$/.exec(text.slice(Math.max(lineStart, start - 120), start - 1))?.[1];
    const after = text.slice(end, end + 40);
    // A write: `self.X = ...`, `self.X: float = ...` at the start of its statement.
    if (/^\s*=(?!=)/.test(after)) continue;
    if (/^\s*:(?!=)/.test(after) && /^\s*\w+\s*\.\s*$/.test(text.slice(lineStart, start))) continue;
    if (receiver !== undefined && modules.has(receiver)) continue;
    const entry = (reads[word] ??= { classes: [] });
    if (!restatedForCheck(text, start, end)) entry.uncompared = true;
    const owner =
      receiver === "self" || receiver === "cls" ? enclosingClass(text, (scopes ??= scopesOf(text)), start) : undefined;
    if (owner !== undefined) {
      if (!entry.classes.includes(owner)) entry.classes.push(owner);
    } else if (/^\s*\.\s*[A-Za-z_]/.test(after) && !/^\s*\.\s*(real|imag|is_integer|as_integer_ratio)\b/.test(after))
      entry.objects = true;
    else entry.other = true;
  }
}

/** A `class` or `def` header: where it starts, its indentation, and the header it is nested in (by indentation). */
interface Scope {
  at: number;
  indent: number;
  kind: string;
  name: string;
  parent: Scope | undefined;
}

/** Every `class`/`def` header of a module, each with the nearest preceding header of smaller indentation. */
function scopesOf(text: string): Scope[] {
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const match of text.matchAll(HEADER)) {
    const indent = match[1]!.length;
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const scope = { at: match.index, indent, kind: match[2]!, name: match[3]!, parent: open[open.length - 1] };
    scopes.push(scope);
    open.push(scope);
  }
  return scopes;
}

// The innermost class whose body holds the line at `at`, by indentation: the last header before it that is on the
// same line or indented less than the line, then outward through the headers it is nested in to the first `class`
// (a `self.X` in a closure of a method is the method's class's). A `class` under `if`/`try`/`def` is found at its own
// depth, so its reads are not credited to an earlier class at column 0. No class around it: undefined (any object's).
function enclosingClass(text: string, scopes: readonly Scope[], at: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, at))![0].length;
  let scope = enclosingTop(scopes, at);
  while (scope && scope.at !== lineStart && scope.indent >= indent) scope = scope.parent;
  while (scope && scope.kind !== "class") scope = scope.parent;
  return scope?.name;
}

/** The last definition before `at` (binary search over their starts). */
function enclosingTop<T extends { at: number }>(tops: readonly T[], at: number): T | undefined {
  let low = 0;
  let high = tops.length - 1;
  let best: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tops[middle]!.at < at) {
      best = tops[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}
