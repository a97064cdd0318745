// The names a package's texts may have facts about (`package-facts.ts`), found in the text alone: no parse, so a
// commit whose package shows none never loads the parser's walk.
import { setsClientTimeout } from "./detect/javascript/client-default-text.ts";
import { MIGHT_BOUND_BY_CLOCK } from "./detect/javascript/clock-bound-text.ts";
import { ID_ENTRY } from "./detect/javascript/unread-entry-keys.ts";
import { DELAY_KEY } from "./name-kinds.ts";
import { isBareTimeoutName, timeoutWord } from "./name-words.ts";
import { isTimeoutName } from "./names.ts";

/**
 * Names found in a package's texts whose facts its files may show: `noLimit` and `inert` candidates. `inert` names are
 * those some file arms only timers that renew, ping, retry, log or measure with (or hands a store only as an expiry),
 * and no file a timer that may end a wait or a check of elapsed time (`FileFacts.delayVerdicts`).
 */
export interface Candidates {
  readonly noLimit: ReadonlySet<string>;
  readonly inert: ReadonlySet<string>;
  /** Functions of the package's own modules its files call with a number (`helperCandidates`). */
  readonly helpers?: ReadonlySet<string>;
  /** Functions of the package's own modules its files await with one argument, maybe sleeps (`sleeperCandidates`). */
  readonly sleepers?: ReadonlySet<string>;
  /** Keys a table of the package's may set to "no limit" (`timeout: 0`; bare ones included: `tableCandidates`). */
  readonly tables?: ReadonlySet<string>;
  /** Some text sets an HTTP client's default timeout or hooks its requests (`axios.defaults.timeout = 5000`). */
  readonly clientTimeout?: boolean;
  /** Some text may hold a wait's time spent against a bound (`elapsed > maxElapsedTime`, `clock-bound-text.ts`). */
  readonly clocked?: boolean;
  /** Some text has a table of id-keyed entries that set a timeout-like key (`unread-entry-keys.ts`). */
  readonly entries?: boolean;
}

/** A 0, `false` or `Infinity` on its own (`0 * 1000`, `|| 0`; not `10`, `0.5`, `x0`). */
const NO_LIMIT_TOKEN = /(?<![\w.$])(0|false|Infinity)(?![\w.$])/;
/** The word of a name a timeout may be stored under (`socketTimeoutMS`, `'context-timeout'`, `DEFAULT_DEADLINE_MS`). */
const TIMEOUT_WORD = timeoutWord("js", "gi");
const NAME_CHAR = /[\w$-]/;

/** Node's timer functions: called, never defaulted. */
const TIMER_FUNCTION = /^(set|clear)(Timeout|Interval)$/;

/**
 * The names a package's texts may have facts about (`noLimitCandidates`, `inertCandidates`, `helperCandidates`), and
 * whether one sets a client's default timeout.
 */
export function candidatesIn(texts: readonly string[]): Candidates {
  // Every name but a helper's holds a timeout word, found by the scans below only inside it (no scan looks around its
  // text): a text without one (most of a package) is not scanned for them. The table scan alone would otherwise try
  // its name at every word of every file.
  const worded = texts.filter((text) => HAS_TIMEOUT_WORD.test(text));
  const sleepers = sleeperCandidates(worded);
  return {
    noLimit: noLimitCandidates(worded),
    inert: inertCandidates(worded, sleepers),
    helpers: helperCandidates(texts),
    sleepers,
    tables: tableCandidates(worded),
    clientTimeout: texts.some((text) => setsClientTimeout(text)),
    clocked: texts.some((text) => MIGHT_BOUND_BY_CLOCK.test(text)),
    entries: worded.some((text) => ID_ENTRY.test(text)),
  };
}

/** `TIMEOUT_WORD` once, without the global flag's state. */
const HAS_TIMEOUT_WORD = timeoutWord("js", "i");

/** An object key named like a timeout set to 0, `false` or `Infinity`: `timeout: 0,`, `"connectTimeout": false }`. */
const TABLE_ENTRY = new RegExp(
  `(?<![\\w$])["']?([\\w$]*(?:${TIMEOUT_WORD.source})[\\w$]*)["']?\\s*:\\s*(?:0|false|Infinity)\\s*(?=[,}\\n\\r]|\\/[/*])`,
  "gi",
);

/**
 * Keys a defaults table in these texts sets to "no limit", bare `timeout` included: whether another module reads one
 * off an object the table was merged into is the walk's question (`option-merges.ts`), not the word's.
 */
function tableCandidates(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(TABLE_ENTRY)) names.add(match[1]!);
  return names;
}

/** `const Helpers = require("./helpers.js")`, `import * as h from "../h"`, `const { a, b } = require("./x")`. */
const OWN_MODULE_BINDING =
  /(?:(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*(?:__importStar\(|__importDefault\(|_interopRequire\w*\()?require\(|import\s+(?:\*\s+as\s+)?([\w$]+|\{[^}]*\})\s+from)\s*["']\.{1,2}\//g;

/**
 * Names of the package's own modules' functions its files call with a number written into the arguments
 * (`Helpers.onceTimeout(10000, ...)`, `(0, helpers_1.onceTimeout)(10000, ...)`, `withDeadline(p, 5000)` imported by
 * name): the helpers whose parameters are worth following into another file.
 */
function helperCandidates(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts)
    for (const { name, destructured } of ownModuleBindings(text)) {
      if (!destructured) callsOf(text, name, MEMBER_CALL_WITH_NUMBER, names);
      else if (/^[\w$]+$/.test(name) && !names.has(name)) callsOf(text, name, CALL_WITH_NUMBER, names, name);
    }
  return names;
}

/**
 * An awaited call with one plain argument, of a name or a module binding's member (`await waitFor(ms)`, `await (0,
 * utils_1.waitFor)(this.scrollTimeout)`, `await utils.waitFor(options.fullPageScrollTimeout)`): the binding (when a
 * member's), the callee's name and the argument.
 */
const AWAITED_ONE = /\bawait\s+(?:\(0,\s*)?(?:([\w$]+)\.)?([\w$]+)\)?\s*\(\s*([\w$.]+)\s*\)/g;

/**
 * Functions of the package's own modules awaited with one argument named like a timeout (`await
 * waitFor(fullPageScrollTimeout)`, `waitFor` imported from `../helpers/utils.js`): the package pass asks the module
 * that declares one whether it only sleeps (`sleeps.ts`), whatever it is called.
 */
function sleeperCandidates(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    if (!text.includes("await")) continue;
    let own: Set<string> | undefined;
    for (const call of text.matchAll(AWAITED_ONE)) {
      const [, binding, callee, argument] = call;
      if (names.has(callee!) || namesIn(argument!).length === 0) continue;
      own ??= ownBindings(text);
      if (own.has(binding ?? callee!)) names.add(callee!);
    }
  }
  return names;
}

/** The names a text binds to its package's own modules (`OWN_MODULE_BINDING`), a destructured one's locals each. */
function ownBindings(text: string): Set<string> {
  return new Set(Array.from(ownModuleBindings(text), (binding) => binding.name));
}

/**
 * Each name a text binds to one of its package's own modules (`OWN_MODULE_BINDING`): a namespace or default import's
 * name, or each local of a destructured one (`{ a, b as c }`, `{ a: c }`: `a`, `c`).
 */
function* ownModuleBindings(text: string): Generator<{ name: string; destructured: boolean }> {
  for (const match of text.matchAll(OWN_MODULE_BINDING)) {
    const bound = match[1] ?? match[2]!;
    if (!bound.startsWith("{")) yield { name: bound, destructured: false };
    else
      for (const part of bound.slice(1, -1).split(","))
        yield {
          name: part
            .split(/\s*(?::|\bas\b)\s*/)
            .pop()!
            .trim(),
          destructured: true,
        };
  }
}

/**
 * Arguments before the number, on its line: anything but a statement's end, with calls nested two deep
 * (`withStartTimeout(store.start(null, app.makePath("")), 15_000)`: the promise a helper bounds is often a call's).
 */
const ARGUMENTS_BEFORE = String.raw`(?:(?:[^\n;()]|\((?:[^\n;()]|\([^\n;()]*\))*\))*?,)?`;
/** A number of two digits or more, or a product (`10000`, `15 * 1000`, `30`), ending its argument. */
const NUMBER_ARGUMENT = String.raw`\s*(?:\d[\d_]+|\d\s*\*)[\d_.e\s*]*[,)]`;
/**
 * After a callee, an argument list whose argument on this line is a number of two digits or more, or a product
 * (`(10000,`, `, 15 * 1000)`, `, 30)`): a duration written in the call.
 */
const CALL_WITH_NUMBER = new RegExp(String.raw`\s*\(` + ARGUMENTS_BEFORE + NUMBER_ARGUMENT, "y");
/** The same after a module binding: `.onceTimeout(10000, ...`, `.onceTimeout)(10000, ...` (compiled code). */
const MEMBER_CALL_WITH_NUMBER = new RegExp(String.raw`\.([\w$]+)\)?\s*\(` + ARGUMENTS_BEFORE + NUMBER_ARGUMENT, "y");

// Each use of `name` in `text` (not a member of something else) that `call` matches right after: its callee's name.
function callsOf(text: string, name: string, call: RegExp, out: Set<string>, callee?: string): void {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (at > 0 && isMemberOrWordChar(text.charCodeAt(at - 1))) continue;
    call.lastIndex = at + name.length;
    const match = call.exec(text);
    if (match) out.add(callee ?? match[1]!);
  }
}

/**
 * `/[\w$.]/` of one UTF-16 unit, by its code: a name like ajv's `_` occurs at every underscore of a file, and a test
 * of a one-character string per occurrence was most of a commit-sized run's candidate scan (bench/speed.mjs).
 */
function isMemberOrWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46;
}

/** A timer call: `setTimeout(`, `setInterval(`, `timers.setTimeout(`. */
const TIMER_CALL = /\bset(Timeout|Interval)\s*\(/g;
/**
 * A sleep: `sleep(`, `delay_1.delay)(`, a bundler's `sleep_default(`, a timer that only resolves a promise
 * (`setTimeout(resolve, `).
 */
const SLEEP_CALL =
  /\b(?:sleep|delay|wait|pause)(?:_default|\$?\d+)?\s*\)?\s*\(|\bsetTimeout\s*\(\s*(?:resolve|res|r)\s*,/gi;
/** An exponent: `factor ** count`, `Math.pow(2, n)`. */
const EXPONENT = /[\w$)\]] ?\*\* ?[\w$(]|\bMath\.pow\s*\(/g;
/** How far after a sleep call its delay is looked for. */
const SLEEP_WINDOW = 120;
/** How far after a timer call its callback and delay are looked for. */
const TIMER_WINDOW = 400;
/**
 * What a timer that renews, pings, retries or forgets an entry says (`() => this.deleted.delete(id)`, discord.js's
 * deleted-guild dedupe); the walk then reads what it does (`no-wait.ts`, `timer-effects.ts`, `forgetting-timers.ts`).
 */
const SCHEDULE_WORDS =
  /renew|refresh|rotat|reauth|reconnect|reschedul|noop|keep_?alive|heartbeat|ping|poll|retry|balance|\bdelete\b/i;

/** A timer whose callback is a function named, not written there (`setTimeout(this._poll, ms)`): the name. */
const NAMED_CALLBACK = /^set(?:Timeout|Interval)\s*\(\s*(?:this\.)?([\w$]+)\s*,/;
/** Callbacks that settle a promise or a caller's wait: a sleep or a deadline, not a round. */
const SETTLES = /^(?:resolve|reject|res|rej|r|done|cb|callback|next|fn|func|handler)$/i;

/** A delay's or an interval's key and the name it is given (`retryDelay: opts.retryTimeout`, `timer-effects.ts`). */
const DELAY_KEY_VALUE = new RegExp(`\\b${DELAY_KEY.source.slice(1, -1)}\\s*:\\s*[\\w$.]+`, "g");
/** A file that writes a name as a delay's value (`DELAY_KEY_VALUE`): what it shows of an inert candidate counts. */
export const GIVES_DELAY = new RegExp(DELAY_KEY_VALUE.source);

/** A file that keeps React state, whose timers may only re-render (`setState(...)`, `useState(...)`). */
const STATE = /\b(setState|useState)\s*\(/;

/** A store call given an entry's expiry (`set(key, id, "PX", lockTimeout, "NX")`, `pexpire(key, ttl)`: `expiries.ts`). */
const EXPIRY_CALL = /["'](EX|PX|EXAT|PXAT)["']|\b(p?expire(At)?|p?setex|pSetEx|pExpire)\s*\(/gi;
/** How far after an expiry's flag or call its value is looked for. */
const EXPIRY_WINDOW = 120;

/**
 * Setting names in the text just after a timer call whose text mentions renewing, pinging or retrying (`setTimeout(() =>
 * this.sendKeepAlive(), this.config.keepAliveTimeout * 1000)`), or after a store's expiry flag (`"PX", lockTimeout`),
 * bare ones left out: the names some file may show armed only with schedules, or kept only as a lifetime. A
 * prefilter: the walk decides.
 */
function inertCandidates(texts: Iterable<string>, sleepers: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    // `await waitFor(fullPageScrollTimeout)`: a call of a package function that may only sleep.
    if (sleepers.size > 0 && text.includes("await"))
      for (const call of text.matchAll(AWAITED_ONE))
        if (sleepers.has(call[2]!)) for (const name of namesIn(call[3]!)) names.add(name);
    // A file with React state: its timers may only change what is shown (`display-timers.ts`).
    const shows = STATE.test(text);
    for (const call of text.matchAll(TIMER_CALL)) {
      const window = text.slice(call.index, call.index + TIMER_WINDOW);
      // `setTimeout(this._checkInternetReachability, nextTimeoutInterval)` (@react-native-community/netinfo,
      // fresh399): a timer that calls a function of the file by name may run its next round; the delay may be a
      // local chosen just before (`const nextTimeoutInterval = reachable ? long : short`).
      const named = NAMED_CALLBACK.exec(window);
      if (named && !SETTLES.test(named[1]!))
        for (const name of namesIn(text.slice(Math.max(0, call.index - TIMER_WINDOW), call.index + TIMER_WINDOW)))
          names.add(name);
      if (!shows && !SCHEDULE_WORDS.test(window)) continue;
      for (const name of namesIn(window)) names.add(name);
    }
    // `await sleep(retryTimeout)`, `setTimeout(resolve, tryTimeout)`: a pause before the next attempt (`pause-names.ts`).
    for (const call of text.matchAll(SLEEP_CALL))
      for (const name of namesIn(text.slice(call.index, call.index + SLEEP_WINDOW))) names.add(name);
    // `const delay = this._retry.initRetryTimeout * this._retry.backoffFactor ** count`: an exponential backoff's base.
    for (const power of text.matchAll(EXPONENT))
      for (const name of namesIn(text.slice(Math.max(0, power.index - SLEEP_WINDOW), power.index + 40)))
        names.add(name);
    // `retryDelay: REPORTER_REQUEST_RETRIES.retryTimeout`: a timeout-looking name read as a delay's value.
    for (const key of text.matchAll(DELAY_KEY_VALUE)) for (const name of namesIn(key[0])) names.add(name);
    for (const call of text.matchAll(EXPIRY_CALL))
      for (const name of namesIn(text.slice(call.index, call.index + EXPIRY_WINDOW))) names.add(name);
  }
  return names;
}

/** The setting names in a text (`socketTimeoutMS`, `'context-timeout'`; not a bare `timeout` nor `setTimeout`). */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TIMEOUT_WORD)) {
    const { name } = nameAround(text, match);
    if (isBareTimeoutName(name) || TIMER_FUNCTION.test(name) || !isTimeoutName(name)) continue;
    names.push(name);
  }
  return names;
}

/**
 * The whole name around a matched timeout word (a regex that matched the name whole would retry at every letter of a
 * long text).
 */
function nameAround(
  text: string,
  match: RegExpMatchArray & { index: number },
): { name: string; start: number; end: number } {
  let start = match.index;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  let end = match.index + match[0].length;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  return { name: text.slice(start, end), start, end };
}

/**
 * Timeout-looking names on a line that also holds a 0, `false` or `Infinity` (`socketTimeoutMS: 0`, `this.t = x ||
 * 0`), bare ones left out: the names a default of "no limit" in these texts may be stored under.
 */
function noLimitCandidates(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(TIMEOUT_WORD)) {
      const { name, start, end } = nameAround(text, match);
      if (names.has(name) || isBareTimeoutName(name) || TIMER_FUNCTION.test(name)) continue;
      if (!isTimeoutName(name) && !/deadline/i.test(name)) continue;
      const from = text.lastIndexOf("\n", start) + 1;
      const to = text.indexOf("\n", end);
      const line = text.slice(from, to === -1 ? text.length : to);
      if (line.length < 1000 && NO_LIMIT_TOKEN.test(line)) names.add(name);
    }
  return names;
}
