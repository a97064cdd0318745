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
  /** Read somewhere other than as an operand of `==` / `!=` (`comparedOnly`). */
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
    if (!equalityOperand(text.slice(lineStart, start - 1), after)) entry.uncompared = true;
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

/**
 * No object of class `owner` can have its attribute `name` read in the package: no read through another receiver or
 * by name (but reads that use the value as an object, when the value written is a number: `numeric`), and for the
 * owner and every subclass of it (the objects that carry the attribute), every base in turn is a class of the package
 * (or `object`, `ABC`), so no library's base reads it (`class Handler(Base, socketserver.StreamRequestHandler)`:
 * `socketserver` reads `self.timeout` of Base's value), and no `self.name` read is in that class or any of its bases
 * (a sibling base, a mixin: `class Client(Settings, Waiter)` where Waiter reads `self.timeout` that Settings sets).
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
  const readers = read?.classes ?? [];
  for (const carrier of [owner, ...descendantsOf(bases, owner)]) {
    const ancestors = ancestorsOf(bases, carrier);
    if (!ancestors.complete) return false;
    for (const reader of readers) if (reader === carrier || ancestors.seen.has(reader)) return false;
  }
  return true;
}

/**
 * `== self.MINIMAL_TIMEOUT` in pyvisa's resource tests: every read of the attribute in the package (through `self`
 * or anything else, by name none) is an operand of an equality test, so the value is what a test expects back, a
 * default recognised, not one applied (README "Restated for comparison"). Reads are recorded for timeout words only.
 * As for `attributeUnread`, every class an object of `owner` may be (it and its subclasses) must have only the
 * package's own bases: a base from elsewhere may read it unseen (`socketserver` reads a handler's `self.timeout`).
 */
export function comparedOnly(python: PythonFacts | undefined, owner: string, name: string): boolean {
  const reads = python?.attributes;
  const bases = python?.bases;
  if (!reads || !bases || !python.words || !Object.hasOwn(python.words, name) || !Object.hasOwn(reads, name))
    return false;
  const read = reads[name]!;
  if (read.other || read.objects || read.uncompared || read.classes.length === 0) return false;
  return [owner, ...descendantsOf(bases, owner)].every((carrier) => ancestorsOf(bases, carrier).complete);
}

// The read `receiver.X` stands alone on one side of `==`/`!=`: the line before it ends `== receiver.` (the read then
// ends its operand: the line, a `)`, `,`, `and`/`or`) or the text after it starts with `==`/`!=`.
function equalityOperand(before: string, after: string): boolean {
  const operand = before.replace(/[\w.]*$/, "");
  if (/[=!]=\s*$/.test(operand)) return /^[ \t]*(\n|\r|$|\)|,|\b(and|or)\b|#)/.test(after);
  return /^\s*[=!]=/.test(after) && /(^|[(,]|\b(assert|and|or|not|if)\b)\s*$/.test(operand);
}

/** Class name -> the classes of the package that name it as a base, built once per package's `bases`. */
const subclassesOf = new WeakMap<object, Map<string, string[]>>();

/** The classes that derive from `name`, at any depth, by name. */
function descendantsOf(bases: Readonly<Record<string, readonly string[]>>, name: string): Set<string> {
  let children = subclassesOf.get(bases);
  if (!children) {
    children = new Map();
    for (const [child, own] of Object.entries(bases))
      for (const base of own) {
        if (base === "?") continue;
        const list = children.get(base);
        if (list) list.push(child);
        else children.set(base, [child]);
      }
    subclassesOf.set(bases, children);
  }
  const seen = new Set<string>();
  const due = [name];
  while (due.length > 0) {
    for (const child of children.get(due.pop()!) ?? []) {
      if (child === name || seen.has(child)) continue;
      seen.add(child);
      due.push(child);
    }
  }
  return seen;
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
