/**
 * Units written after a timeout's name. Microseconds too: `timeoutUs=100000` (SoapySDR's stream reads) is a duration
 * of the C API the binding wraps. Not nanoseconds: a literal of those reads as a day or more ("no limit").
 */
const UNITS = new Set([
  "us",
  "usec",
  "usecs",
  "micros",
  "microseconds",
  "ms",
  "millis",
  "milliseconds",
  "msec",
  "msecs",
  "s",
  "sec",
  "secs",
  "seconds",
  "min",
  "mins",
  "minutes",
]);

/**
 * The core of a timeout-looking word (`timeout`, `connect_timeout`, `readTimeoutMs`, `DEADLINE`), the one pattern the
 * text passes look for before they parse. JavaScript keys may be strings spelled with a hyphen (`'context-timeout'`);
 * a Python name never holds one, so its texts take `time_out` only (a `time-out` there is prose).
 */
export function timeoutWord(language: "js" | "python", flags: string): RegExp {
  return new RegExp(language === "js" ? "time[-_]?out|deadline" : "time_?out|deadline", flags);
}

/** Splits `requestTimeoutMs`, `connect_timeout`, `REQUEST_TIMEOUT` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * `timeout`, `timeoutMs`, `_timeout`: the word and a unit alone. Every class and options object has one, so the name
 * says nothing about which object it belongs to (unlike `socketTimeoutMS`, `connectionTimeout`).
 */
export function isBareTimeoutName(name: string): boolean {
  const parts = words(name).filter((word) => !UNITS.has(word));
  return parts.length === 1 && parts[0] === "timeout";
}

/**
 * First words that make a timeout-named property something else: a flag (`noCursorTimeout`,
 * `clearServerSelectionTimeout`; `retryOnTimeout` is one by its "on") or a bound on retry backoff, not a deadline
 * (`minTimeout`, `maxTimeout` of retry libraries). Not "retry": `retryAssertionTimeout`, `retry_timeout_seconds`
 * bound how long retries go on (deadlines).
 */
const NOT_A_DURATION = new Set([
  "no",
  "on",
  "clear",
  "disable",
  "disabled",
  "enable",
  "enabled",
  "use",
  "can",
  "has",
  "is",
  "should",
  "allow",
  "skip",
  "ignore",
  "reset",
  "throw",
  "throws",
  "emit",
  "handle",
  "min",
  "max",
  // `unrefTimeout = false` (cron): whether to unref the timer, a flag.
  "unref",
  // A cooldown before something is re-enabled (mysql2's `restoreNodeTimeout`): a delay, like a backoff.
  "restore",
  // Delays that batch or pace work, not deadlines: `bufferTimeout`, `flushTimeout`, `debounceTimeout`.
  "buffer",
  "flush",
  "debounce",
  "throttle",
  "linger",
]);
/**
 * Words right before "timeout" that make it a delay wherever they stand: pacing (`bufferTimeout`) or
 * how long something stays on screen (`toastTimeout`,
 * `notificationTimeout`, `hideTimeout`, `animationTimeout`). Nothing waits on them.
 */
const PACING = new Set([
  "buffer",
  "flush",
  "debounce",
  "throttle",
  "linger",
  "animation",
  "transition",
  "fade",
  "toast",
  "snackbar",
  "notification",
  "notify",
  "tooltip",
  "hide",
  "dismiss",
]);
/** Words after "no" that name what is absent for a while: `noActivityTimeout`, `noResponseTimeout` (inactivity timeouts). */
const NO_WHAT = new Set([
  "activity",
  "response",
  "reply",
  "data",
  "input",
  "output",
  "traffic",
  "progress",
  "heartbeat",
]);
/**
 * Words before "timeout" that make it an expiry or a lease, not a wait: `visibility_timeout`,
 * `SESSION_TIMEOUT = 1800` (a login or cookie session's lifetime), `logicalSessionTimeoutMinutes`,
 * `cacheTimeout` / `ttlTimeout` / `cache_timeout` (how long an entry stays cached: werkzeug's max-age, Django's TTL),
 * `sts_token_timeout` / `_tokenTimeout` (how long a credential token stays valid), `NORMAL_PRIORITY_TIMEOUT` (React's
 * scheduler: when a task of that priority expires and runs without yielding; nothing waits on it).
 */
const EXPIRY = new Set(["session", "visibility", "cache", "ttl", "token", "priority"]);
/** Words between an expiry word and "timeout" that keep it an expiry: `SESSION_IDLE_TIMEOUT` (reaped when idle). */
const EXPIRY_IDLE = new Set(["idle", "inactivity", "inactive"]);
/** Protocols whose session timeout is an idle timeout of a connection, a wait: `http2SessionTimeout`. */
const CONNECTION_SESSIONS = new Set(["http", "http2", "h2", "tls", "ssl", "ssh", "sftp"]);

/**
 * Words after "timeout" that keep it one: its default (`_default_value`, traitlets' pattern), a pad added to it,
 * or its length (`timeoutDuration = 1e3 * 10`, jasmine's `DEFAULT_TIMEOUT_INTERVAL = 5000`).
 */
const TRAILING = new Set(["default", "value", "pad", "padding", "margin", "grace", "slack", "duration", "interval"]);

/**
 * `retryMinTimeout`, `reconnect_max_timeout`: the base and the cap of a backoff between tries (retry libraries call
 * them `minTimeout`/`maxTimeout`), not deadlines. A bare `keepAliveMaxTimeout` caps a wait and stays one.
 */
const BACKOFF = new Set(["retry", "retries", "backoff", "reconnect", "reconnection"]);

/**
 * Whether a property, keyword or parameter name holds a timeout duration: its last word is
 * `timeout` (`timeout`, `testTimeout`, `read_timeout`, `REQUEST_TIMEOUT`), a word fused onto it
 * (`wtimeoutMS`), or `timeout` followed by a unit (`timeoutMs`, `timeout_seconds`). Counters
 * (`timeoutCount`, `max_timeouts`), flags (`noCursorTimeout`, `retryOnTimeout`) and backoff
 * bounds (`maxTimeout`) are not durations. `extraNames` (from the guard's config) match exactly. `spelledApart` (JS)
 * also reads `timeOutMs`, `TIME_OUT` and `request_timeout_in_seconds`; Python's twisted `timeOut` attributes are left
 * to the Python detector, whose tests drive them on virtual clocks it does not see yet.
 */
export function isTimeoutName(
  name: string,
  extraNames: ReadonlySet<string> = new Set(),
  { spelledApart = false }: { spelledApart?: boolean } = {},
): boolean {
  if (extraNames.has(name)) return true;
  // Most names never mention a timeout; skip the word split for them (hot path).
  if (!(spelledApart ? /time_?out/i : /timeout/i).test(name)) return false;
  // `kRetryOnTimeout`: a symbol key (undici, elastic) is judged by the name after its `k`.
  const split = words(/^k[A-Z]/.test(name) ? name.slice(1) : name);
  const parts = unfused(spelledApart ? fused(split) : split);
  if (parts.length > 1 && NOT_A_DURATION.has(parts[0]!)) return false;
  // `OPTS_NO_CURSOR_TIMEOUT`, `kNoTimeout`: "no" before the timeout makes it a flag; `browserNoActivityTimeout`
  // (how long without activity) is an inactivity timeout.
  const no = parts.indexOf("no");
  if (no >= 0 && no < parts.length - 1 && !NO_WHAT.has(parts[no + 1]!)) return false;
  // `cancelOnTimeout`, `closeOnTimeout`: what to do on a timeout, a flag or a handler, not a duration.
  const onAt = parts.findIndex((w) => w.endsWith("timeout"));
  if (onAt > 0 && parts[onAt - 1] === "on") return false;
  const at = parts.findIndex((w) => w.endsWith("timeout"));
  // A backoff's bounds; the "retry" in front does not make them deadlines (`retryAssertionTimeout` is one).
  if (at > 1 && (parts[at - 1] === "min" || parts[at - 1] === "max") && BACKOFF.has(parts[at - 2]!)) return false;
  // `PYDEVD_WARN_EVALUATION_TIMEOUT`, `socketAcquisitionWarningTimeout`: a timer that only warns bounds no wait.
  if (parts.slice(0, at).some((w) => w === "warn" || w === "warning")) return false;
  // The word right before the timeout decides too: `browserBufferTimeout` paces like `bufferTimeout`.
  const expiry = expiryAt(parts, at);
  // `forceFlushTimeoutMillis`: how long a forced flush (a call the caller awaits) may take, a deadline, not pacing.
  const forced = at > 1 && parts[at - 2] === "force";
  if (expiry || (at > 0 && PACING.has(parts[at - 1]!) && !forced)) return false;
  // `closeTimeoutAfterExit`: "after ..." says when the timeout's clock starts; `defaultWSTimeoutWithFallback`:
  // "with ..." says in which mode it applies; `RequestTimeoutForReadsInMs` (Azure): "for ..." which calls it bounds.
  const after = parts.findIndex(
    (w, i) =>
      i > 0 &&
      (w === "after" || ((w === "with" || w === "for") && i < parts.length - 1)) &&
      parts[i - 1]!.endsWith("timeout"),
  );
  if (after > 0) parts.splice(after);
  // `launch_timeout_pad_default_value`, `connect_timeout_default`: a default or a pad of a timeout is one.
  while (parts.length > 1 && (TRAILING.has(parts.at(-1)!) || (UNITS.has(parts.at(-1)!) && TRAILING.has(parts.at(-2)!))))
    parts.pop();
  // `timeoutInMs`, `receiveDrainTimeoutInSeconds` (Azure SDKs), and in JavaScript also written in snake case
  // (mixpanel's `request_timeout_in_seconds: 10`, `DEFAULT_CLIENT_REQUEST_TIMEOUT_IN_MS`): the unit after "in".
  // Python's `INACTIVITY_TIMEOUT_IN_MINUTES` is left to the Python detector's own judgement.
  const unitAfterIn = !name.includes("_") || (spelledApart && /_in_[a-z]+$/i.test(name));
  if (parts.length >= 3 && UNITS.has(parts.at(-1)!) && parts.at(-2) === "in" && unitAfterIn) parts.splice(-2, 1);
  const last = parts.at(-1) ?? "";
  if (last === "timeout") return true;
  // `settimeoutms`, `ontimeoutms`, `maxtimeoutms`: the word a unit follows is judged like a last word (a setter, a
  // handler), and a fused `min`/`max` is a backoff's bound as `minTimeoutMs` is by its first word.
  if (UNITS.has(last) && parts.length >= 2)
    return durationWord(parts.at(-2)!) && !/^(min|max)timeout$/.test(parts.at(-2)!);
  return durationWord(last);
}

/** One word ending in `timeout` that is not a flag, a handler or an accessor (`notimeout`, `ontimeout`, `settimeout`). */
function durationWord(word: string): boolean {
  return word.endsWith("timeout") && !/^(no|on|clear|set|get|has|is)timeout$/.test(word);
}

/**
 * Units that may be fused onto the timeout word in one lower-case (or upper-case) word: mininet's `timeoutms=500`,
 * bluez's `timeoutms`, `TIMEOUTSECS`. Not `s` (`timeouts` counts them) nor `min`/`mins` (`timeoutmin` may be a bound).
 */
const FUSED_UNIT = /^(\w*timeout)(us|usec|usecs|micros|ms|millis|msec|msecs|sec|secs|seconds|minutes)$/;

/** The words with a fused unit split off the last one (`timeoutms` -> `timeout ms`), so every check reads both. */
function unfused(parts: string[]): string[] {
  const match = FUSED_UNIT.exec(parts.at(-1) ?? "");
  return match ? [...parts.slice(0, -1), match[1]!, match[2]!] : parts;
}

/** Seconds per unit of each unit word (`timeoutMs`, `timeout_us`, `wait_minutes`); a name without one is in seconds. */
const UNIT_SECONDS: Record<string, number> = {
  ...Object.fromEntries(["us", "usec", "usecs", "micros", "microseconds"].map((unit) => [unit, 1e-6])),
  ...Object.fromEntries(["ms", "millis", "milliseconds", "msec", "msecs"].map((unit) => [unit, 1e-3])),
  ...Object.fromEntries(["min", "mins", "minutes"].map((unit) => [unit, 60])),
};

/** The seconds one unit of a timeout's name is worth: 0.001 for `timeout_ms` and `timeoutms`, 1 without a unit. */
export function unitSeconds(name: string): number {
  return UNIT_SECONDS[unfused(fused(words(name))).at(-1) ?? ""] ?? 1;
}

/** `timeOutMs`, `TIME_OUT`, `idle_time_out`: "timeout" written as two words is one (not `datetime_out`). */
function fused(parts: string[]): string[] {
  const out: string[] = [];
  for (const word of parts) {
    if (word === "out" && out.at(-1) === "time") out[out.length - 1] = "timeout";
    else out.push(word);
  }
  return out;
}

/** `visibility_timeout`, `SESSION_IDLE_TIMEOUT`: the words before the timeout word at `at` name an expiry or a lease. */
function expiryAt(parts: readonly string[], at: number): boolean {
  const before = at > 1 && EXPIRY_IDLE.has(parts[at - 1]!) ? at - 1 : at;
  return before > 0 && EXPIRY.has(parts[before - 1]!) && !(before > 1 && CONNECTION_SESSIONS.has(parts[before - 2]!));
}

/** Whether a name (a setter's, `changeVisibilityTimeout`) names an expiry or a lease rather than a wait. */
export function isExpiryName(name: string | undefined): boolean {
  if (name === undefined || !/timeout/i.test(name)) return false;
  const parts = words(name);
  return expiryAt(
    parts,
    parts.findIndex((w) => w.endsWith("timeout")),
  );
}

/** Words of an idle timeout: how long an unused connection, socket or worker is kept before it is closed. */
const IDLE = new Set(["idle", "lazy", "linger", "keepalive", "free", "inactivity"]);

/**
 * Whether a timeout name is an idle timeout (`idleTimeout`, `lazyCloseTimeout`, `keepAliveTimeout`,
 * `freeSocketTimeout`): 0 there switches the idle timer off (or closes at once); no caller waits on it.
 */
export function isIdleTimeout(name: string): boolean {
  const parts = words(name).join(" ").replace("keep alive", "keepalive").split(" ");
  return parts.some((w) => IDLE.has(w));
}
