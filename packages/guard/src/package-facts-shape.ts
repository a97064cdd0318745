// The shape of a package's facts (`package-facts.ts` builds them, `packages.ts` for a run): the public fields and the
// internals only the checker reads. Kept apart from the passes that build them, so that a check that only reads the
// facts (`check.ts`, a Python-only run) does not load the JavaScript detector.
import { resolve } from "node:path";
import type { PythonFacts } from "./detect/python/package-keepers.ts";
import { GuardError } from "./errors.ts";

/**
 * What the files of one package show each other (`packageFacts`): pass the same object to `checkSource` with each of
 * the package's files. A file checked without it is judged alone.
 *
 * @example // by hand, the public fields only: a setting whose 0 another package shows reaching a wait
 * const facts: PackageFacts = { zero: new Set(["socketTimeoutMS"]), infinite: new Set(), inert: new Set() };
 */
export interface PackageFacts {
  /** JavaScript setting names whose 0 or `false` some file of the package shows reaching a wait (`socketTimeoutMS`). */
  readonly zero: ReadonlySet<string>;
  /** JavaScript setting names whose `Infinity` some file of the package shows reaching a wait, or tests for. */
  readonly infinite: ReadonlySet<string>;
  /** JavaScript setting names that every timer of the package armed with them only renews, pings, retries or logs. */
  readonly inert: ReadonlySet<string>;
  /**
   * The rest of what the package's files show (helpers that arm a deadline, defaults tables another module merges,
   * the Python modules' keepers and words): read by the checker only; its shape is not part of the API. Leave it out
   * of facts built by hand: one `packageFacts` did not build is refused (`GuardError` `ORG_GUARD_FACTS`).
   */
  readonly internal?: unknown;
}

/** What `PackageFacts.internal` holds. */
export interface PackageInternals {
  /** Functions whose parameter (by position) is the delay of a timer that ends the wait (`deadline-helpers.ts`). */
  readonly helpers?: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * Per defaults table module (resolved path), its keys whose 0 (`zero`) or `Infinity` another module shows reaching a
   * wait once it merged the table (`option-merges.ts`; `check-javascript.ts` looks its file up).
   */
  readonly tables?: ReadonlyMap<string, Readonly<Record<"zero" | "infinite", ReadonlySet<string>>>>;
  /** Some JavaScript file sets an HTTP client's default timeout or hooks its requests (`client-defaults.ts`). */
  readonly clientTimeout?: boolean;
  /** What the package's Python modules show each other (`python-facts.ts`). */
  readonly python?: PythonFacts;
  /** Functions whose parameter's field is only the pause of a timer that retries them (`retry-fields.ts`). */
  readonly retries?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Functions and methods whose parameter's field is only the period of a pacing interval (`paced-fields.ts`). */
  readonly periods?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Timeout-like statics and exports no file of the package names but to define (`unread-package-names.ts`), and
   * `table.key` for a key no code reads of a table read only key by key (`unread-table-keys.ts`).
   */
  readonly unread?: ReadonlySet<string>;
  /** Timeout-like fields the package reads only scaled by a count of tries, a backoff's base (`backoff-fields.ts`). */
  readonly backoffs?: ReadonlySet<string>;
  /** Names some JavaScript file holds a wait's time spent against (`maxElapsedTime`, `clock-deadlines.ts`). */
  readonly bounds?: ReadonlySet<string>;
  /** Functions of the package's JavaScript modules that only sleep for their first parameter (`sleeps.ts`). */
  readonly sleepers?: ReadonlySet<string>;
}

/**
 * The mark on internals this package built. A string field, not a symbol: the facts reach worker threads by structured
 * clone, which keeps strings and drops symbols.
 */
const BUILT = "org-guard package facts";

/** The internals of a package's facts (`undefined` without facts, or with none past the public fields). */
export function internalsOf(facts: PackageFacts | undefined): PackageInternals | undefined {
  const internal = facts?.internal;
  if (internal === undefined) return undefined;
  if (typeof internal !== "object" || internal === null || (internal as { built?: unknown }).built !== BUILT)
    throw new GuardError(
      "ORG_GUARD_FACTS",
      "package facts: `internal` was not built by packageFacts(); pass the object packageFacts() returned, or leave `internal` out",
    );
  return internal as PackageInternals;
}

/** `facts` with `more` added to its internals (marked as built here). */
export function withInternals(facts: PackageFacts, more: PackageInternals): PackageFacts {
  return { ...facts, internal: { ...internalsOf(facts), ...more, built: BUILT } };
}

/**
 * The key of a package's file in its facts (a defaults table's module, a Python module's keepers): its absolute path,
 * so the pass that writes a key and the check that looks it up agree however each was handed the path.
 */
export function packageFileKey(path: string): string {
  return resolve(path);
}
