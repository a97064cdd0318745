// Who reads an attribute named like a timeout, package-wide: the evidence that a class's `self.timeout = 60` or
// `TIMEOUT = 10` is read by nothing. A name as common as `timeout` is mentioned in most modules of a package, so the
// count of files that name it (`words`) cannot tell; where it is read as an attribute can. A read through `self.X` or
// `cls.X` reads the attribute of an object of the class whose method holds it; a read through any other receiver
// (`conn.timeout`, `self.options.timeout`, `super().timeout`) or by name (`getattr(o, "timeout")`) may read any
// class's. `socket.timeout` on a module the file imports is no attribute of an object.
import type { PythonFacts } from "./package-keepers.ts";

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
}

/** A top-level `class X` or `def x` (column 0), whose body holds the reads below it. */
const TOP = /^(?:async[ \t]+)?(class|def)[ \t]+(\w+)/gm;
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
/** Bases that read no attribute of their subclasses' objects. */
const PLAIN_BASES = new Set(["object", "ABC"]);

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
  const tops = [...text.matchAll(TOP)].map((match) => ({ at: match.index, kind: match[1], name: match[2]! }));
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
    const top = receiver === "self" || receiver === "cls" ? enclosingTop(tops, start) : undefined;
    if (top?.kind === "class") {
      if (!entry.classes.includes(top.name)) entry.classes.push(top.name);
    } else if (/^\s*\.\s*[A-Za-z_]/.test(after) && !/^\s*\.\s*(real|imag|is_integer|as_integer_ratio)\b/.test(after))
      entry.objects = true;
    else entry.other = true;
  }
}

/** The last top-level definition before `at` (binary search over their starts). */
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

/**
 * No object of class `owner` can have its attribute `name` read in the package: no read through another receiver or
 * by name (but reads that use the value as an object, when the value written is a number: `numeric`), no `self.name` read in the class, its bases or its subclasses, and every base of it, in turn, is a class
 * of the package (or `object`, `ABC`), so no library's base reads it either (`socketserver` reads `self.timeout`).
 * Undefined facts (no package pass, or a pass that saw part of the package): nothing is known.
 */
export function attributeUnread(
  python: PythonFacts | undefined,
  owner: string,
  name: string,
  numeric: boolean,
): boolean {
  const reads = python?.attributes;
  const bases = python?.bases;
  // Reads are recorded for timeout-looking words only (the package's `words`): any other name is unknown.
  if (!reads || !bases || !python.words || !Object.hasOwn(python.words, name)) return false;
  const read = Object.hasOwn(reads, name) ? reads[name] : undefined;
  if (read?.other || (read?.objects && !numeric)) return false;
  const ancestors = ancestorsOf(bases, owner);
  if (!ancestors.complete) return false;
  for (const reader of read?.classes ?? []) {
    if (reader === owner || ancestors.seen.has(reader) || ancestorsOf(bases, reader).seen.has(owner)) return false;
  }
  return true;
}

/** The classes `name` derives from by name, and whether all of them are the package's own (or plain). */
function ancestorsOf(
  bases: Readonly<Record<string, readonly string[]>>,
  name: string,
): { seen: Set<string>; complete: boolean } {
  const seen = new Set<string>();
  let complete = true;
  const due = [name];
  while (due.length > 0) {
    const current = due.pop()!;
    if (PLAIN_BASES.has(current)) continue;
    const own = Object.hasOwn(bases, current) ? bases[current] : undefined;
    if (!own) {
      complete = false;
      continue;
    }
    for (const base of own) {
      if (base === "?") complete = false;
      else if (!seen.has(base) && base !== name) {
        seen.add(base);
        due.push(base);
      }
    }
  }
  return { seen, complete };
}
