// Which files can hold a finding, decided from their text before their syntax tree is read.
import { IMPORTS_GOT_OR_REQUEST, IMPORTS_NODE_HTTP } from "./detect/javascript/client-default-text.ts";
import { CLOCK_BOUND_PATTERNS } from "./detect/javascript/clock-bound-text.ts";
import type { GuardConfig } from "./config.ts";
import { lastArgumentCalls } from "./prefilter-arguments.ts";

const GENERIC_METHODS = new Set(["wait", "join", "poll"]);

export interface Triggers {
  /** A match of any and the file is checked. */
  any: RegExp[];
  /** Calls whose timeout is their last argument (`it(name, fn, 5000)`), with the fewest arguments that takes. */
  lastArgument?: { calls: RegExp; minArguments: number[] };
}

const triggers = new WeakMap<GuardConfig, Record<"js" | "python", Triggers>>();

/**
 * A cheap test that every file with a possible finding passes: it mentions "timeout" (every
 * timeout name and most APIs) or "deadline" (`deadline = time.monotonic() + 5`), calls one of the
 * configured APIs by its method name, names an extra timeout name, or (Python) uses
 * requests/httpx or a standard-library network call, or holds a suppression comment.
 *
 * A call whose timeout is its last argument (`it`, `test`, `beforeEach`: every test file makes
 * them) counts in TypeScript only when it passes enough arguments for a last one to follow its
 * callback (`it("...", fn, 5000)`, `beforeEach(fn, 5000)`), counted in the text (`lastArgumentCalls`).
 */
export function mightHoldTimeout(
  source: string,
  config: GuardConfig,
  language: "js" | "python",
  typescript = false,
): boolean {
  let patterns = triggers.get(config);
  if (!patterns) triggers.set(config, (patterns = build(config)));
  const { any, lastArgument } = patterns[language];
  for (const pattern of any) if (pattern.test(source)) return true;
  if (!lastArgument) return false;
  // Outside TypeScript, a JSX text (`<p>Don't</p>`) can hold a quote that is no string: any such call counts.
  if (!typescript) {
    lastArgument.calls.lastIndex = 0;
    return lastArgument.calls.test(source);
  }
  return lastArgumentCalls(source, lastArgument);
}

function build(config: GuardConfig): Record<"js" | "python", Triggers> {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const call = (lang: "js" | "python", callee: string): Alternative => {
    const method = callee.slice(callee.lastIndexOf(".") + 1);
    // `x.wait(5)`, `t.join(3)`: generic method names count with a literal argument only.
    if (lang === "python" && GENERIC_METHODS.has(method)) return { rest: `\\.${method}\\s*\\(\\s*[\\d(]` };
    // Python resolves imports (`from asyncio import wait_for`), so there only the method name counts.
    if (lang === "python") return { rest: `\\b${escape(method)}\\s*\\(` };
    // `*.setDefaultTimeout` -> `.setDefaultTimeout(`.
    if (callee.startsWith("*.")) return { rest: `\\.\\s*${escape(callee.slice(2))}\\s*\\(` };
    // `jest.setTimeout` -> `jest.setTimeout(` not preceded by `.` or a word.
    const [first, ...rest] = callee.split(".").map(escape);
    return { name: first!, rest: `${rest.map((name) => `\\s*\\.\\s*${name}`).join("")}\\s*\\(` };
  };
  const triggersOf = (lang: "js" | "python", extra: string[]): Triggers => {
    const apis = config.apis.filter((api) => api.language === lang);
    // A callee every API of which takes its timeout last (test functions and hooks) is tested apart in JS.
    const lastOnly = (callee: string) =>
      lang === "js" && apis.every((api) => api.callee !== callee || api.argument === "last");
    const callees = [...new Set(apis.map((api) => api.callee))];
    // Python's `time_out=60` (`joinedTimeOut`): its snake-case words are read as one.
    const words = [
      "timeout",
      ...(lang === "python" ? ["time_out"] : []),
      // HTTP clients whose default is no timeout, called without one (`client-defaults.ts`).
      ...(lang === "js" ? ['"axios"', "'axios'", "node-fetch", "cross-fetch", "isomorphic-unfetch"] : []),
      // A scoped module's callees (`@sentry/node.flush`, `@subsquid/util-timeout.addTimeout`) are reached through its
      // import: the scope is the cheap text to look for, and it spells all of them (no alternative each).
      ...new Set(apis.flatMap((api) => /^@[\w.-]+\//.exec(api.callee)?.[0] ?? [])),
      "deadline",
      "org-guard-ignore",
      ...config.extraTimeoutNames,
    ];
    // A callee whose name holds one of the words needs no alternative of its own: any text its alternative matches
    // holds the word (`setTimeout(` holds `timeout`), and the fewer the alternatives, the faster every file's scan.
    const spelled = (callee: string) => {
      const names = lang === "python" ? [callee.slice(callee.lastIndexOf(".") + 1)] : callee.split(".");
      return names.some((name) => words.some((word) => name.toLowerCase().includes(word.toLowerCase())));
    };
    const strong = callees
      .filter((callee) => !lastOnly(callee) && !spelled(callee))
      .map((callee) => call(lang, callee));
    const alternatives = new Map<string, Alternative>();
    for (const alternative of [...strong, ...extra.map((rest) => ({ rest }))])
      if (!alternatives.has(patternOf(alternative))) alternatives.set(patternOf(alternative), alternative);
    // Three scans, each finding what the one alternation of them all would: the words (plain text, which the engine
    // finds fastest alone), the calls after a dot, and the calls by name. A file that mentions none (most files) is
    // read by each to its end, and one alternation of all of them read it twice as slowly as the three.
    const dotted = [...alternatives.keys()].filter((pattern) => pattern.startsWith("\\."));
    const any = [
      new RegExp(words.map(escape).join("|"), "i"),
      ...(dotted.length > 0 ? [new RegExp(dotted.join("|"), "i")] : []),
      ...byName(
        [...alternatives].filter(([pattern]) => !pattern.startsWith("\\.")).map(([, alternative]) => alternative),
      ),
    ];
    const last = callees.filter(lastOnly);
    if (last.length === 0) return { any };
    // One capture group per callee, so a match says which callee it is.
    const calls = new RegExp(last.map((callee) => `(${patternOf(call(lang, callee))})`).join("|"), "gi");
    const minArguments = last.map((callee) =>
      Math.min(...apis.filter((api) => api.callee === callee).map((api) => api.minArguments ?? 2)),
    );
    return { any, lastArgument: { calls, minArguments } };
  };
  return {
    js: triggersOf("js", [
      "\\.\\s*(del|unlink|DEL|UNLINK)\\s*\\(",
      // A race whose deadline is a sleep helper's (`Promise.race([op(), wait(3000)])`, `raced-calls.ts`).
      "\\bPromise\\s*\\.\\s*race\\s*\\(",
      // The time a wait has spent held against its bound (`Date.now() - start > 5000`, `elapsed > maxElapsedTime`,
      // `clock-deadlines.ts`).
      ...CLOCK_BOUND_PATTERNS,
      // Node's own HTTP client, whose requests have no timeout unless given one (`node-requests.ts`), and got's and
      // request's (`client-defaults.ts`).
      IMPORTS_NODE_HTTP,
      IMPORTS_GOT_OR_REQUEST,
    ]),
    python: triggersOf("python", [
      "\\b(requests|httpx)\\b",
      // The standard library's network calls that take no timeout, or whose class the API table leaves out: a call
      // without one waits with the socket's default (`socket-default.ts`).
      "\\b(urlretrieve|ServerProxy|FTP_TLS)\\s*\\(",
      "\\.\\s*(delete|unlink)\\s*\\(",
      "\\.(get|acquire)\\s*\\(\\s*(True|False)\\s*,",
      // A `selectors` object's `select(0.1)`, whose timeout is its first argument (`receiver-apis.ts`).
      "\\.select\\s*\\(\\s*[\\d.]",
      // A pool's asynchronous result, whose `get(99999)` waits (`receiver-apis.ts`).
      "\\b(apply|map|starmap)_async\\s*\\(",
    ]),
  };
}

/**
 * A trigger's pattern source. A JS callee called by its name (`jest.setTimeout`) keeps that first name apart, so
 * `byName` can group it; its pattern is the name, then the lookbehind that no `.` or word comes before it (the same
 * condition as a lookbehind before the name, which lets the engine look for the name's first letter), then the rest.
 */
interface Alternative {
  name?: string;
  rest: string;
}
const patternOf = ({ name, rest }: Alternative) => (name === undefined ? rest : `${name}(?<![.\\w$]${name})${rest}`);

/**
 * The alternatives that start with a name, as one case-insensitive pattern that finds the same matches faster: a JS
 * callee's lookbehind moves before its name (`(?<![.\w$])axios…`, the same test) and the names are grouped by their
 * first letter (`(?<![.\w$])(?:a(?:xios…)|f(?:etch…|astify…)|…)`), so a letter that starts none of them is passed
 * over at once and one that starts several is read once. What is not such a name stays an alternative of its own.
 */
function byName(alternatives: readonly Alternative[]): RegExp[] {
  const named = new Map<string, string[]>();
  const other: string[] = [];
  for (const alternative of alternatives) {
    const { name, rest } = alternative;
    if (name === undefined || !/^\w/.test(name)) {
      other.push(patternOf(alternative));
      continue;
    }
    const first = name.charAt(0).toLowerCase();
    named.set(first, [...(named.get(first) ?? []), name.slice(1) + rest]);
  }
  const grouped = [...named].map(([first, rests]) => `${first}(?:${rests.join("|")})`);
  const all = [...(grouped.length > 0 ? [`(?<![.\\w$])(?:${grouped.join("|")})`] : []), ...other];
  return all.length > 0 ? [new RegExp(all.join("|"), "i")] : [];
}
