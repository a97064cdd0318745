// Facts the files of one package show each other. A library writes its defaults in one file (`defaults.js`, an
// options table, `this.timeout = opts.timeout || 0`) and waits in another; judged alone, the default has no evidence.
// A pass over the package's JS files collects the names whose "no limit" some file shows reaching a wait, and the
// names whose every timer in the package renews, pings or retries (`keepAliveTimeout: 250` in a defaults table, armed
// only as `setTimeout(() => this.sendKeepAlive(), this.config.keepAliveTimeout * 1000)` elsewhere: a schedule, no
// timeout). It walks only the files that mention a name found in the text first (one some file may default to "no
// limit", or one some timer that looks like a schedule is armed with): most files have none, and a walk costs as much
// as the check itself.
import { MIGHT_PAUSE } from "./detect/javascript/pause-names.ts";
import { dirname, extname, join, resolve } from "node:path";
import visitorKeys from "oxc-parser/src-js/generated/visit/keys";
import type { GuardConfig } from "./config.ts";
import { type EsNode, MERGE_SHAPE, namesReachingWait } from "./detect/javascript.ts";
import { parseJavaScript } from "./detect/oxc.ts";
import { programOf } from "./detect/oxc-program.ts";
import { IN_PROCESS_NESTING } from "./deep.ts";
import { isJavaScript, isPython, isTypeScript, JS_EXTENSIONS } from "./extensions.ts";
import { nestingBound } from "./nesting.ts";
import { type Candidates, candidatesIn, GIVES_DELAY } from "./package-candidates.ts";
import { MIGHT_BOUND_BY_CLOCK } from "./detect/javascript/clock-bound-text.ts";
import { MIGHT_RETRY_WITH_FIELD, retryFieldsOf } from "./detect/javascript/retry-fields.ts";
import { MIGHT_PACE_WITH_FIELD, pacedFieldsOf } from "./detect/javascript/paced-fields.ts";
import { unreadPackageNames } from "./detect/javascript/unread-package-names.ts";
import { unreadEntryKeys } from "./detect/javascript/unread-entry-keys.ts";
import { unreadTableKeys } from "./detect/javascript/unread-table-keys.ts";
import { backoffFieldNames } from "./detect/javascript/backoff-fields.ts";
import { mightHoldTimeout } from "./prefilter.ts";
import { turn } from "./turn.ts";
import { type PackageFacts, packageFileKey, withInternals } from "./package-facts-shape.ts";

export type { PackageFacts } from "./package-facts-shape.ts";

/** How a specifier may name a module file: as written, with an extension, or its folder's index. */
const MODULE_FILES = ["", ...JS_EXTENSIONS, ...[...JS_EXTENSIONS].map((extension) => `/index${extension}`)];

/** A JS file that merges a module of its package into an object (`Object.assign(`, a spread, `_.defaults(`). */
const MERGES_OWN_MODULE = /(?:require\(\s*|from\s+)["']\.\.?\//;

/**
 * The facts of a package from its files' paths and texts, both languages: what its JavaScript files show (each that
 * may hold a timeout is parsed once) and what its Python modules show each other (the classes and factories that keep
 * a "no limit" for later waits, the functions that wait with a parameter, the timeout-looking words per file; the
 * Python parser is loaded only for a package with `.py` files).
 *
 * @example
 * const files = paths.map((path) => [path, readFileSync(path, "utf8")] as const); // one package's files
 * const facts = await packageFacts(files, config); // once per package, then every file with it:
 * for (const [path, text] of files) report(await checkSource(path, text, config, facts));
 */
export async function packageFacts(
  files: Iterable<readonly [path: string, text: string]>,
  config: GuardConfig,
): Promise<PackageFacts> {
  const all = [...files];
  const js = all.filter(([path]) => isJavaScript(path));
  const facts = await factsFor(js, candidatesIn(js.map(([, text]) => text)), config);
  if (!all.some(([path]) => isPython(path))) return facts;
  const python = await (await import("./python-facts.ts")).pythonPackageFacts(all, config);
  return python ? withInternals(facts, { python }) : facts;
}

/** The largest file (in characters) walked only to find a helper's parameters. */
const MAX_HELPER_FILE = 50_000;

/** A file that may arm a timer or hand a store an expiry: what it shows of an inert candidate counts. */
const ARMS_OR_EXPIRES =
  /\bset(Timeout|Interval)\s*\(|["'](EX|PX|EXAT|PXAT)["']|\b(p?expire(At)?|p?setex|pSetEx|pExpire)\s*\(/i;

/**
 * The facts the `files` show for the `candidates` (only files mentioning one are walked; for a helper, only files that
 * arm a timer and declare it). `packageFacts` and `org-guard check` (`packages.ts`) both build a package's JavaScript
 * facts here.
 */
export async function factsFor(
  files: Iterable<readonly [path: string, text: string]>,
  candidates: Candidates,
  config: GuardConfig,
): Promise<PackageFacts> {
  const list = [...files];
  const facts = await walkedFacts(list, candidates, config);
  await turn();
  const texts = list.filter(([path]) => isJavaScript(path)).map(([, text]) => text);
  const unread = new Set([...unreadPackageNames(texts), ...unreadTableKeys(texts), ...unreadEntryKeys(texts)]);
  const backoffs = backoffFieldNames(texts);
  const more = {
    // `axios.defaults.timeout = 5000` in one module bounds the requests of every other.
    ...(candidates.clientTimeout === true ? { clientTimeout: true } : {}),
    ...(unread.size > 0 ? { unread } : {}),
    ...(backoffs.size > 0 ? { backoffs } : {}),
  };
  return Object.keys(more).length > 0 ? withInternals(facts, more) : facts;
}

/** The facts that walking the files mentioning a candidate shows. */
async function walkedFacts(
  files: Iterable<readonly [path: string, text: string]>,
  {
    noLimit: candidates,
    inert: inertNames,
    helpers = new Set(),
    sleepers: sleeperNames = new Set(),
    tables: tableNames = new Set(),
  }: Candidates,
  config: GuardConfig,
): Promise<PackageFacts> {
  const zero = new Set<string>();
  const infinite = new Set<string>();
  const quiet = new Set<string>();
  const loud = new Set<string>();
  const parameters = new Map<string, Set<number>>();
  const tables = new Map<string, { zero: Set<string>; infinite: Set<string> }>();
  const retries = new Map<string, Set<string>>();
  const periods = new Map<string, Set<string>>();
  const sleepers = new Set<string>();
  const list = [...files];
  // A file that arms a timer with a parameter's field (`}, retryOptions.timeout)`): it may retry with it.
  const retrying = (text: string) => text.length <= MAX_HELPER_FILE && MIGHT_RETRY_WITH_FIELD.test(text);
  const anyRetrying = list.some(([path, text]) => isJavaScript(path) && retrying(text));
  // A file that arms an interval: its period may be a parameter's field (`}, timeout || 1000)`).
  const pacing = (text: string) => text.length <= MAX_HELPER_FILE && MIGHT_PACE_WITH_FIELD.test(text);
  const anyPacing = list.some(([path, text]) => isJavaScript(path) && pacing(text));
  // A file that holds the time a wait spent against a name (`if (elapsed > maxElapsedTime) throw err`): the name is a
  // bound wherever the package sets it (Speakeasy's retry defaults in every operation's module).
  const clocked = (text: string) => text.length <= MAX_HELPER_FILE && MIGHT_BOUND_BY_CLOCK.test(text);
  const anyClocked = list.some(([path, text]) => isJavaScript(path) && clocked(text));
  const bounds = new Set<string>();
  if (
    candidates.size === 0 &&
    inertNames.size === 0 &&
    helpers.size === 0 &&
    sleeperNames.size === 0 &&
    tableNames.size === 0 &&
    !anyRetrying &&
    !anyPacing &&
    !anyClocked
  )
    return { zero, infinite, inert: quiet };
  const paths = new Set(list.map(([path]) => packageFileKey(path)));
  // A file that merges a module of its package and reads a key some table sets to "no limit".
  const merges = (text: string) =>
    tableNames.size > 0 &&
    MERGES_OWN_MODULE.test(text) &&
    MERGE_SHAPE.test(text) &&
    [...tableNames].some((name) => text.includes(name));
  const mentions = (text: string) =>
    [...candidates].some((name) => text.includes(name)) ||
    ([...inertNames].some((name) => text.includes(name)) &&
      (ARMS_OR_EXPIRES.test(text) ||
        MIGHT_PAUSE.test(text) ||
        GIVES_DELAY.test(text) ||
        [...sleeperNames].some((name) => text.includes(name))));
  // A file that arms a timer and declares a helper of that name (`function N(`, `N = function`, `N = (`, `N(ms) {`).
  const declared = [...helpers, ...sleeperNames];
  const declaration =
    declared.length > 0
      ? new RegExp(
          `(?:function\\s*\\*?\\s*|[.\\s](?=[\\w$]+\\s*[:=]\\s*(?:async\\s*)?(?:function\\b|\\(|[\\w$]+\\s*=>))|^\\s*(?:static\\s+|async\\s+)*)(?:${declared.map((name) => name.replace(/\$/g, "\\$")).join("|")})\\s*(?:[:=]|\\()`,
          "m",
        )
      : undefined;
  // A bundle (rxjs vendored whole) is not where a package keeps its own helpers, and walking one costs a check.
  const defines = (text: string) =>
    declaration !== undefined &&
    text.length <= MAX_HELPER_FILE &&
    /\bsetTimeout\b/.test(text) &&
    declaration.test(text);
  // The modules declaring a sleep helper first: the files awaiting one are walked knowing it sleeps (`sleepers`).
  const ordered =
    sleeperNames.size === 0
      ? list
      : [...list.filter(([, text]) => defines(text)), ...list.filter(([, text]) => !defines(text))];
  // A file that does not parse, or nests too deep to parse here, shows nothing.
  for (const [path, text] of ordered) {
    if (
      !isJavaScript(path) ||
      !(mentions(text) || defines(text) || merges(text) || retrying(text) || pacing(text) || clocked(text))
    )
      continue;
    if (!mightHoldTimeout(text, config, "js", isTypeScript(path))) continue;
    if (nestingBound(text) > IN_PROCESS_NESTING) continue;
    await turn();
    const parsed = parseJavaScript(path, text, extname(path).toLowerCase());
    if (parsed.errors.some((error) => error.severity === "Error")) continue;
    const program = programOf(parsed) as unknown as EsNode;
    const names = namesReachingWait(program, parsed.source ?? text, { ...config, visitorKeys }, sleepers);
    for (const name of names.sleepers) if (sleeperNames.has(name)) sleepers.add(name);
    for (const name of names.zero) if (candidates.has(name)) zero.add(name);
    for (const name of names.infinite) if (candidates.has(name)) infinite.add(name);
    for (const name of names.quiet) if (inertNames.has(name)) quiet.add(name);
    for (const name of names.loud) if (inertNames.has(name)) loud.add(name);
    for (const kind of ["zero", "infinite"] as const)
      for (const [specifier, keys] of names.tables[kind]) {
        const module = moduleFile(resolve(dirname(path), specifier), paths);
        if (module === undefined) continue;
        const table = tables.get(module) ?? { zero: new Set<string>(), infinite: new Set<string>() };
        for (const key of keys) if (tableNames.has(key)) table[kind].add(key);
        tables.set(module, table);
      }
    if (retrying(text))
      for (const [name, fields] of retryFieldsOf(program))
        retries.set(name, new Set([...(retries.get(name) ?? []), ...fields]));
    if (pacing(text))
      for (const [name, fields] of pacedFieldsOf(program, parsed.source ?? text))
        periods.set(name, new Set([...(periods.get(name) ?? []), ...fields]));
    for (const name of names.bounds) bounds.add(name);
    for (const [name, positions] of names.helpers) {
      if (!helpers.has(name)) continue;
      const known = parameters.get(name) ?? new Set<number>();
      for (const position of positions) known.add(position);
      parameters.set(name, known);
    }
  }
  const inert = new Set([...quiet].filter((name) => !loud.has(name)));
  if (
    parameters.size === 0 &&
    tables.size === 0 &&
    retries.size === 0 &&
    periods.size === 0 &&
    bounds.size === 0 &&
    sleepers.size === 0
  )
    return { zero, infinite, inert };
  return withInternals(
    { zero, infinite, inert },
    {
      ...(parameters.size > 0 ? { helpers: parameters } : {}),
      ...(tables.size > 0 ? { tables } : {}),
      ...(retries.size > 0 ? { retries } : {}),
      ...(periods.size > 0 ? { periods } : {}),
      ...(bounds.size > 0 ? { bounds } : {}),
      ...(sleepers.size > 0 ? { sleepers } : {}),
    },
  );
}

/**
 * The TypeScript sources an emitted module's name may stand for (TypeScript's own rule for NodeNext and bundler
 * resolution: `import "./defaults.js"` in `pool.ts` names `defaults.ts`).
 */
const SOURCES_OF_EMITTED: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
  ".jsx": [".tsx"],
};

/**
 * The file of the package a resolved specifier names (`/pkg/lib/options` → `/pkg/lib/options.js`), if any; a name of
 * emitted JavaScript with no such file is looked up as its TypeScript source (`/pkg/src/defaults.js` →
 * `/pkg/src/defaults.ts`).
 */
function moduleFile(base: string, paths: ReadonlySet<string>): string | undefined {
  for (const suffix of MODULE_FILES) if (paths.has(join(base + suffix))) return join(base + suffix);
  const extension = extname(base);
  for (const source of SOURCES_OF_EMITTED[extension] ?? []) {
    const file = join(base.slice(0, -extension.length) + source);
    if (paths.has(file)) return file;
  }
  return undefined;
}
