// Whether an attribute of a class can be read, judged from the package-wide reads `attributeReadsIn` records and
// the classes' bases: a base from elsewhere may read any attribute unseen, so every judgement here needs the class
// and its subclasses to have complete, own ancestries.
import type { PythonFacts } from "./package-keepers.ts";

/** Bases that read no attribute of their subclasses' objects. */
const PLAIN_BASES = new Set(["object", "ABC"]);

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
 * or anything else, by name none) restates the value for a check (`restatedForCheck`: an `assert`, an
 * `assertEqual`-like helper), so the value is what a test expects back, a default recognised, not one applied (README
 * "Restated for comparison"). `if waited == self.READY_TIMEOUT: raise` in a polling loop is the loop's bound, and
 * keeps it. Reads are recorded for timeout words only. As for `attributeUnread`, every class an object of `owner`
 * may be (it and its subclasses) must have only the package's own bases: a base from elsewhere may read it unseen
 * (`socketserver` reads a handler's `self.timeout`).
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
export function ancestorsOf(
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

/**
 * `self._timeout` kept by `ScrollingDetector` while `_TimeoutAlert` of another module reads its own `self._timeout`:
 * every read of the attribute in the package is through `self` or `cls`, and no class that reads it, other than
 * `owner`, is an object of `owner` may be (it or a subclass) or one of their bases. So no other module reads what an
 * object of `owner` keeps there: the owner's file shows every read. A base from elsewhere may read a public attribute
 * (`socketserver` reads a handler's `self.timeout`): a public name needs complete ancestries; a private one (`_timeout`)
 * is the class's own, whatever library base it has.
 */
export function readOnlyByOwner(python: PythonFacts | undefined, owner: string, name: string): boolean {
  const reads = python?.attributes;
  const bases = python?.bases;
  if (!reads || !bases || !python.words || !Object.hasOwn(python.words, name) || !Object.hasOwn(reads, name))
    return false;
  const read = reads[name]!;
  if (read.other || read.objects) return false;
  for (const carrier of [owner, ...descendantsOf(bases, owner)]) {
    const ancestors = ancestorsOf(bases, carrier);
    if (!ancestors.complete && !name.startsWith("_")) return false;
    for (const reader of read.classes)
      if (reader !== owner && (reader === carrier || ancestors.seen.has(reader))) return false;
  }
  return true;
}
