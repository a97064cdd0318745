// Which package each file of a run belongs to, and that package's facts (`package-facts.ts`), as `org-guard check`
// gathers them: a JS package (package.json) from the files it checks, or for a commit from the staged files' packages
// read from the working tree (the other files are as they will be committed unless they have unstaged edits); a Python
// package (pyproject.toml, setup.py, setup.cfg) from the files of the run and the rest of the package read from disk.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { GuardConfig } from "./config.ts";
import { isJavaScript, isPython } from "./extensions.ts";
import { listFiles, triage, workingTreeCandidates } from "./files.ts";
import { MAY_REQUEST_WITHOUT_DEFAULT, setsClientTimeout } from "./detect/javascript/client-default-text.ts";
import { candidatesIn } from "./package-candidates.ts";
import { type PackageFacts, withInternals } from "./package-facts-shape.ts";
import { apiTimeoutPlace, callsTimeoutPosition, Signatures } from "./detect/python/timeout-positions.ts";
import { timeoutWord } from "./name-words.ts";
import { isPythonTimeoutName } from "./names.ts";
import { turn } from "./turn.ts";

/** A package with more files of the language than this is judged file by file: its facts would cost a walk of all of them. */
const MAX_STAGED_PACKAGE_FILES = 1000;

/**
 * The nearest directory at or above `file`'s that `isRoot` takes for a package's root; `memo` keeps each directory's
 * answer (one per language: the two kinds of root differ).
 */
function rootOf(
  file: string,
  isRoot: (dir: string) => boolean,
  memo: Map<string, string | undefined>,
): string | undefined {
  const seen: string[] = [];
  let root: string | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (memo.has(dir)) {
      root = memo.get(dir);
      break;
    }
    seen.push(dir);
    if (isRoot(dir)) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const dir of seen) memo.set(dir, root);
  return root;
}

/** The nearest directory at or above `file`'s whose package.json names a package (`dist/cjs/package.json` with only a `type` does not). */
const packageRootOf = (file: string, memo = new Map<string, string | undefined>()): string | undefined =>
  rootOf(file, (dir) => namesPackage(join(dir, "package.json")), memo);

function namesPackage(manifest: string): boolean {
  try {
    const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
    return typeof name === "string" && name !== "";
  } catch {
    return false; // none, unreadable or not JSON: not a package root
  }
}

/**
 * The package root of each file of `files` in the language (`undefined` for the others and for a file in no package),
 * by index, and each root's files in run order. `memo` keeps `rootOf`'s answers for the package reads that follow.
 */
function byPackage(
  files: readonly { path: string; text: string }[],
  cwd: string,
  language: (path: string) => boolean,
  rootOf: (file: string, memo: Map<string, string | undefined>) => string | undefined,
  memo: Map<string, string | undefined>,
): { roots: (string | undefined)[]; members: Map<string, { path: string; text: string }[]> } {
  const roots = files.map((file) => (language(file.path) ? rootOf(resolve(cwd, file.path), memo) : undefined));
  const members = new Map<string, { path: string; text: string }[]>();
  roots.forEach((root, index) => {
    if (root === undefined) return;
    const own = members.get(root);
    if (own) own.push(files[index]!);
    else members.set(root, [files[index]!]);
  });
  return { roots, members };
}

/**
 * The facts of each file's package, by the file's index in `files` (paths relative to `cwd`); `undefined` for a file
 * outside any package or in neither language. `staged`: `files` are a commit's, and the rest of each package is read
 * from disk (always for Python: what nothing reads needs the whole package).
 */
export async function factsOfRun(
  files: readonly { path: string; text: string }[],
  config: GuardConfig,
  cwd: string,
  staged: boolean,
): Promise<RunFacts> {
  const memo = new Map<string, string | undefined>();
  const { roots, members } = byPackage(files, cwd, isJavaScript, packageRootOf, memo);
  const facts = new Map<string, PackageFacts | undefined>();
  const failed = new Map<string, string>();
  for (const [root, own] of members) {
    // Names the checked files may have facts about (helpers they call included): a package with none needs no facts
    // (nor, staged, a read), unless a file sets a client's default timeout (`axios.defaults.timeout = 10000`) or,
    // staged, may request on such a client: the default it has may be set in a file the commit does not touch.
    await turn();
    const candidates = candidatesIn(own.map((file) => file.text));
    const mayRequest =
      staged && !candidates.clientTimeout && own.some((file) => MAY_REQUEST_WITHOUT_DEFAULT.test(file.text));
    if (
      candidates.noLimit.size === 0 &&
      candidates.inert.size === 0 &&
      candidates.helpers?.size === 0 &&
      candidates.tables?.size === 0 &&
      !candidates.clientTimeout &&
      !candidates.clocked &&
      !candidates.entries &&
      !mayRequest
    )
      continue;
    const all = staged ? await restOfPackage(root, own, config, cwd, memo, isJavaScript, packageRootOf) : own;
    // Staged, a schedule's timer is often in a file the commit does not touch: once the package is read, its names
    // count too (a package read for no other reason is not read for them: the hook stays as fast as the commit is small).
    // So does a default another file of the package sets.
    const names =
      staged && all && (candidates.noLimit.size > 0 || mayRequest)
        ? {
            ...candidates,
            ...(candidates.noLimit.size > 0 ? { inert: candidatesIn(all.map((file) => file.text)).inert } : {}),
            clientTimeout: candidates.clientTimeout || all.some((file) => setsClientTimeout(file.text)),
          }
        : candidates;
    // The walk (and the detector it runs) is loaded only for a package whose texts show a candidate.
    const { factsFor } = await import("./package-facts.ts");
    await turn();
    facts.set(
      root,
      await orNone(root, failed, async () =>
        all
          ? factsFor(
              all.map((file) => [file.path, file.text] as const),
              names,
              config,
            )
          : undefined,
      ),
    );
  }
  const python = await pythonFactsOfRun(files, config, cwd, staged);
  return {
    facts: roots.map((root, index) => (root === undefined ? python.facts[index] : facts.get(root))),
    failed: roots.map((root, index) => (root === undefined ? python.failed[index] : failed.get(root))),
  };
}

/**
 * Each file's package facts by its index, and why its package's pass failed (undefined when it did not): a file of a
 * package whose pass failed is checked on its own and told so (`internal-error`), never dropped with the run.
 */
export interface RunFacts {
  facts: (PackageFacts | undefined)[];
  failed: (string | undefined)[];
}

/** The package pass of `root`, or undefined with the reason kept in `failed` when it throws. */
async function orNone<T>(
  root: string,
  failed: Map<string, string>,
  pass: () => Promise<T> | T,
): Promise<T | undefined> {
  try {
    return await pass();
  } catch (error) {
    failed.set(root, (error as Error)?.message ?? String(error));
    return undefined;
  }
}

/** What makes a directory a Python package's root (a project's own files: no `__init__.py` guess). */
const PYTHON_MARKERS = ["pyproject.toml", "setup.py", "setup.cfg"];
/** A staged Python file that may hand a timeout to another module of its package (`from .conn import Connection`). */
const MAY_HAND_ON = (text: string) => TIMEOUT_WORD.test(text) && /^[ \t]*(from|import)[ \t]/m.test(text);
/**
 * A call by a bare name, on `self`/`cls` or on a class by its name, with a first argument (`self.wait_for_status(id,
 * ...)`, `wait_until(f, 30)`, `Utils.wait_for(cond, 3)`).
 */
const OWN_CALL_WITH_ARGUMENT = /(?:\b(?:self|cls)\.|(?<![.\w])[A-Z]\w*\.|(?<![.\w]))\w+[ \t]*\([ \t]*[^)\s]/;
const TIMEOUT_WORD = timeoutWord("python", "i");

/** The nearest directory at or above `file`'s with a pyproject.toml, setup.py or setup.cfg. */
const pythonRootOf = (file: string, memo = new Map<string, string | undefined>()): string | undefined =>
  rootOf(file, (dir) => PYTHON_MARKERS.some((marker) => existsSync(join(dir, marker))), memo);

/** Each Python file's package facts (`python-facts.ts`), by its index in `files`; undefined for other files. */
async function pythonFactsOfRun(
  files: readonly { path: string; text: string }[],
  config: GuardConfig,
  cwd: string,
  staged: boolean,
): Promise<RunFacts> {
  const failed = new Map<string, string>();
  const memo = new Map<string, string | undefined>();
  const { roots, members } = byPackage(files, cwd, isPython, pythonRootOf, memo);
  const facts = new Map<string, PackageFacts>();
  for (const [root, own] of members) {
    // A file that names no timeout may still hand one positionally to a function of another module
    // (`self.wait_for_status(id, "ACTIVE", 120)` beside `def wait_for_status(self, name, status, timeout=60)`): a
    // commit staging it alone must find what `check .` finds, so its package is read for the definitions too.
    const handsOn = own.some((file) => MAY_HAND_ON(file.text));
    if (!handsOn && !own.some((file) => OWN_CALL_WITH_ARGUMENT.test(file.text))) continue;
    // What nothing in the package reads is decided by the words its files mention: counted over this run's files
    // alone (`org-guard check constants.py`, lint-staged's file list), a setting another module reads would look
    // unread. So the rest of the package is read from the working tree in every run; past the bound a commit's
    // package is judged file by file, and named files keep their other facts but call nothing unread.
    const rest = await restOfPackage(root, own, config, cwd, memo, isPython, pythonRootOf);
    if (!rest && staged) continue;
    // The definitions are read from the text (no parse): the whole pass runs only when a file of the run calls a
    // timeout's place of them, as it would in `check .`.
    if (!handsOn && !callsTimeoutPositionIn(rest ?? own, own, config)) continue;
    // The Python pass alone: the JavaScript one (`package-facts.ts`) would load the JS detector for nothing.
    const { pythonPackageFacts } = await import("./python-facts.ts");
    const python = await orNone(root, failed, () =>
      pythonPackageFacts(
        (rest ?? own).map((file) => [file.path, file.text] as const),
        config,
      ),
    );
    if (python)
      facts.set(
        root,
        withInternals(
          { zero: new Set(), infinite: new Set(), inert: new Set() },
          { python: rest ? python : { keepers: python.keepers } },
        ),
      );
  }
  return {
    facts: roots.map((root) => (root === undefined ? undefined : facts.get(root))),
    failed: roots.map((root) => (root === undefined ? undefined : failed.get(root))),
  };
}

/** Whether a file of `own` calls a function of `files` (its package) at a place where every definition takes a timeout. */
function callsTimeoutPositionIn(
  files: readonly { text: string }[],
  own: readonly { text: string }[],
  config: GuardConfig,
): boolean {
  const signatures = new Signatures();
  for (const file of files) signatures.add(file.text);
  const positions = signatures.positions(
    (name) => isPythonTimeoutName(name, config.extraTimeoutNames),
    apiTimeoutPlace(config.apis),
  );
  return own.some((file) => callsTimeoutPosition(file.text, positions));
}

/**
 * A staged package's files of one language (`own`; `rootOf` finds a file's package): the staged texts, and the others
 * from the working tree (`undefined` past the bound).
 */
async function restOfPackage(
  root: string,
  staged: readonly { path: string; text: string }[],
  config: GuardConfig,
  cwd: string,
  memo: Map<string, string | undefined>,
  own: (path: string) => boolean,
  rootOf: (file: string, memo: Map<string, string | undefined>) => string | undefined,
): Promise<{ path: string; text: string }[] | undefined> {
  const listed = listFiles([relative(cwd, root) || "."], cwd).filter(
    (path) => own(path) && rootOf(resolve(cwd, path), memo) === root,
  );
  if (listed.length > MAX_STAGED_PACKAGE_FILES) return undefined;
  const mine = new Set(staged.map((file) => resolve(cwd, file.path)));
  const others = workingTreeCandidates(
    listed.filter((path) => !mine.has(resolve(cwd, path))),
    cwd,
  );
  return [...staged, ...(await triage(others, config, cwd)).check];
}
