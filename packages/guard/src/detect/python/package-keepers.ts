// What the other modules of a Python package show a file: which of their classes and factories keep a parameter's
// "no limit" for the waits their objects make later, and which of their functions wait with a parameter. Written by
// the package pass (`python-facts.ts`), read here by a file's check where a call names an imported callee
// (`from .conn import Connection`, `from pkg.pool import create_pool`, `from . import conn` then `conn.Connection`).
import { dirname, join } from "node:path";
import { packageFileKey } from "../../package-facts-shape.ts";
import type { AttributeReads } from "./attribute-reads.ts";

/** A class or module function of another module of the package, as the package pass found it. */
export interface Keeper {
  /** `class`: its `__init__` (without `self`); `function`: a module-level function. */
  readonly kind: "class" | "function";
  /** Positional parameter names in order (`self` left out; ends before a `*`, `*args` or `**kwargs`). */
  readonly parameters: readonly string[];
  /** Parameters whose "no limit" the object made (or the factory's object) keeps and later waits with. */
  readonly keeps: readonly string[];
  /** Of `keeps`, those whose own default is None (a class: `Transport(timeout=self.timeout)` keeps a None on). */
  readonly none: readonly string[];
  /** A function's parameters it waits with itself, unchanged (`openURL(url, timeout=None)`: it is the wait). */
  readonly waits: readonly string[];
}

/** A name's timeout parameters that every definition of it reads only as how long a message shows. */
export interface DisplayParameters {
  /** By name. */
  readonly keywords: readonly string[];
  /** By place among the positional parameters (`self` left out). */
  readonly positions: readonly number[];
  /** The classes that define it as a method ("" for a module function): the only receivers it is known on. */
  readonly classes: readonly string[];
}

/** The package-wide Python facts (plain JSON: handed to worker threads as they are). */
export interface PythonFacts {
  /** Module file (`packageFileKey`: its absolute path) -> name bound at its top level -> keeper. */
  readonly keepers: Readonly<Record<string, Readonly<Record<string, Keeper>>>>;
  /** Timeout-looking word -> how many of the package's files mention it; absent if the pass saw only part of it. */
  readonly words?: Readonly<Record<string, number>>;
  /** Function or method name -> place (`self` left out) -> the timeout parameter every definition of it has there. */
  readonly positions?: Readonly<Record<string, Readonly<Record<number, string>>>>;
  /** Timeout-looking attribute name -> where the package reads it as an attribute (`attribute-reads.ts`). */
  readonly attributes?: Readonly<Record<string, AttributeReads>>;
  /** Some module calls `socket.setdefaulttimeout(...)` with a value other than None: the default bounds every wait. */
  readonly defaultTimeout?: boolean;
  /** Class name -> the last names of its bases, over every module of the package (`?`: a base no name follows). */
  readonly bases?: Readonly<Record<string, readonly string[]>>;
  /**
   * Function or method name -> its timeout parameters that bound no wait: how long a message shows, or a pause where
   * the function's whole work is a sleep (`package-displays.ts`, `display-parameters.ts`).
   */
  readonly displays?: Readonly<Record<string, DisplayParameters>>;
  /**
   * Module file (`packageFileKey`) -> a name it imports from outside the package -> that name's dotted path (`urlopen`
   * -> `urllib.request.urlopen` in a `compat.py`), the first import of each name: what `from .compat import urlopen`
   * stands for in its other modules.
   */
  readonly imported?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Attribute name -> the display classes (`displays`' `classes`) that every binding of it in the package makes. */
  readonly displayAttributes?: Readonly<Record<string, readonly string[]>>;
  /**
   * Timeout-looking words some module imports from the package's own modules, reads after a dot or names in quotes, and
   * `*` for a star import of one of them (`named-elsewhere.ts`): what may read another module's constant.
   */
  readonly namedElsewhere?: readonly string[];
  /**
   * Whether some module of the package loads modules by a name in data (`from_object`, `from_pyfile`,
   * `importlib.import_module`, `__import__`, `runpy`): then a `config.py`'s constants may be read with no import.
   */
  readonly loadsByName?: boolean;
  /** Module constants named like timeouts that every read in the package uses as an expiry (`package-lifetimes.ts`). */
  readonly lifetimes?: readonly string[];
  /** Method name -> the timeout parameters every definition of it in the package waits with (`package-method-waits.ts`). */
  readonly methodWaits?: Readonly<Record<string, readonly string[]>>;
  /** Method name -> the places (`self` left out) where every definition of it has a parameter it waits with. */
  readonly methodPlaces?: Readonly<Record<string, readonly number[]>>;
}

/**
 * The keeper a dotted name stands for, seen from the module `from` (`dotted` resolved through its imports: `.conn.
 * Connection`, `..pool.create_pool`, `aioredis.pool.create_pool`); undefined for a name of no module of the package.
 */
export function keeperOf(python: PythonFacts, path: string, dotted: string): Keeper | undefined {
  return definedIn(python.keepers, path, dotted);
}

/**
 * What a name imported from a module of the package stands for when that module imported it from elsewhere:
 * `.compat.urlopen` -> `urllib.request.urlopen` (django-gravatar2's `from .compat import urlopen`); undefined otherwise.
 */
export function importedThrough(python: PythonFacts, path: string, dotted: string): string | undefined {
  return python.imported && definedIn(python.imported, path, dotted);
}

/** The entry of `table` (module file -> name -> entry) for the module and name `dotted` stands for, seen from `path`. */
function definedIn<T>(
  table: Readonly<Record<string, Readonly<Record<string, T>>>>,
  path: string,
  dotted: string,
): T | undefined {
  const from = packageFileKey(path);
  const relative = /^(\.+)(.*)$/.exec(dotted);
  const parts = (relative ? relative[2]! : dotted).split(".");
  const name = parts.pop();
  if (!name || (!relative && parts.length === 0)) return undefined;
  const at = (module: string) => own(table[`${module}.py`], name) ?? own(table[join(module, "__init__.py")], name);
  if (relative) {
    let dir = dirname(from);
    for (let up = 1; up < relative[1]!.length; up++) dir = dirname(dir);
    return at(join(dir, ...parts));
  }
  // `pkg.conn` from `.../site-packages/pkg/client.py`: the module under one of the importing file's directories.
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const found = at(join(dir, ...parts));
    if (found !== undefined || dirname(dir) === dir) return found;
  }
}

function own<T>(names: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return names && Object.hasOwn(names, name) ? names[name] : undefined;
}
