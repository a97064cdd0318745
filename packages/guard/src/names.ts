// Whether a name holds a timeout duration: the words that make a timeout-named property a flag, a pacing delay, a
// backoff's bound or an expiry, and the words after it that keep it one.
import { expiryAt } from "./name-kinds.ts";
import { fused, joinedTimeOut, unfused, UNITS, words } from "./name-words.ts";

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
  // Values that stand for no duration: mocha-webdriver-runner's `MAGIC_TIMEOUT = 312345678`, a placeholder found later
  // and replaced by the configured timeout; a mock server's `DUMMY_INTERACTIVE_LINK_TIMEOUT`, data it answers with.
  "magic",
  "dummy",
  // Time already spent, counted against a bound named elsewhere: @web5/agent's `elapsedTimeout += 100` per poll tick.
  "elapsed",
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
  // @hyper-fetch/react's `bounceTimeout` beside `bounceType: "debounce" | "throttle"` (fresh240).
  "bounce",
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
/**
 * Words right before "timeout" that usually name a UI delay, but not wherever they stand: how long a pointer rests
 * before a menu or a tip shows (jQuery SmartMenus' `showTimeout`, `hoverTimeout`), a gesture's time window (noVNC's
 * `GH_TAP_TIMEOUT`, `DOUBLE_TAP_TIMEOUT`: how long a press may last to count as a tap), a throttle's pause before its
 * trailing call (resize-observer-polyfill's `trailingTimeout = 2`). `this.showTimeout` handed to `waitUntil` or a
 * `TOUCH_TIMEOUT` given to a socket bounds a wait, so these are names a detector releases only when the file shows
 * the value reaching no wait (JavaScript's `ui-delays.ts`); `isTimeoutName` still reads them as timeouts.
 */
const UI_DELAY = new Set([
  "show",
  "hover",
  "tap",
  "touch",
  "multitouch",
  "twotouch",
  "longpress",
  "gesture",
  "trailing",
]);

/** The word right before a name's `timeout` word (`show` for `showTimeout`), if any. */
function wordBeforeTimeout(name: string): string | undefined {
  const parts = words(name);
  return wordBefore(
    parts,
    parts.findIndex((w) => w.endsWith("timeout")),
  );
}

/**
 * The word before `parts[at]`, past an "after": `hide` for `hideAfterTimeoutInMs` (how long a reaction shows,
 * @stream-io/video-react-native-sdk, fresh323), as for `hideTimeout`.
 */
function wordBefore(parts: readonly string[], at: number): string | undefined {
  const before = at > 1 && parts[at - 1] === "after" ? at - 1 : at;
  return before > 0 ? parts[before - 1] : undefined;
}

/** Whether a name's word before "timeout" usually names a UI delay (`UI_DELAY`): `showTimeout`, `GH_TAP_TIMEOUT`. */
export function isUiDelayName(name: string): boolean {
  const word = wordBeforeTimeout(name);
  return word !== undefined && UI_DELAY.has(word);
}

/**
 * Whether a name says its timer paces work or shows and hides something (`PACING`, `UI_DELAY`): `hideTimeout`,
 * `showTimeout`. A timer kept under such a handle (`this.hideTimeout = setTimeout(close, this.closeSelectionTimeout)`)
 * is that delay unless its callback ends or fails something (JavaScript's `timer-effects.ts`).
 */
export function isPacingName(name: string): boolean {
  const word = wordBeforeTimeout(name);
  return word !== undefined && (PACING.has(word) || UI_DELAY.has(word));
}

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
 * What a timeout named first bounds (`timeout_socket`, `timeoutRead`): a channel or an operation, never a handler. Not
 * a state (undici's `TIMEOUT_IDLE = 3` beside `TIMEOUT_HEADERS = 1` is a code of which timer fired).
 */
const BOUNDED_AFTER = new Set([
  "socket",
  "sock",
  "transport",
  "ops",
  "op",
  "operation",
  "connect",
  "connection",
  "read",
  "write",
  "request",
  "response",
  "send",
  "recv",
  "receive",
  "login",
  "auth",
  "command",
  "cmd",
  "query",
  "handshake",
]);

/**
 * Words after the timeout that keep it one: its default (`connect_timeout_default`, traitlets' `_default_value`), a pad
 * added to it (`launch_timeout_pad`), its length (`timeoutDuration`, jasmine's `DEFAULT_TIMEOUT_INTERVAL`), OPC UA's
 * `timeoutHint` (a request header's timeout, which node-opcua's client also waits by: fresh277), and a controller's
 * setpoint (st-ethernet-ip's `timeout_sp: 10000`, the bound of every request it sends: fresh366).
 */
const TRAILING = new Set("default value pad padding margin grace slack duration interval hint sp setpoint".split(" "));

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
/** A bundler's renamed copy: the name, then one or two digits (esbuild) or `$` and digits (rollup). */
const BUNDLER_COPY = /^(.*[A-Za-z])\$?\d{1,2}$/;

export function isTimeoutName(
  name: string,
  extraNames: ReadonlySet<string> = new Set(),
  { spelledApart = false }: { spelledApart?: boolean } = {},
): boolean {
  if (extraNames.has(name)) return true;
  // Most names never mention a timeout; skip the word split for them (hot path).
  if (!(spelledApart ? /time_?out/i : /timeout/i).test(name)) return false;
  // `DEFAULT_TIMEOUT2`, `timeout$1`: a bundler's copy (esbuild, rollup) of a name declared in two modules it joined,
  // renamed with a number (@morphllm/morphsdk's `.cjs` builds, fresh358): judged as the name it copies.
  const copied = BUNDLER_COPY.exec(name);
  if (copied) return isTimeoutName(copied[1]!, extraNames, { spelledApart });
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
  if (expiry || (PACING.has(wordBefore(parts, at) ?? "") && !forced)) return false;
  // `closeTimeoutAfterExit`: "after ..." says when the timeout's clock starts; `defaultWSTimeoutWithFallback`:
  // "with ..." says in which mode it applies; `RequestTimeoutForReadsInMs` (Azure): "for ..." which calls it bounds.
  const after = parts.findIndex(
    (w, i) =>
      i > 0 &&
      (w === "after" || ((w === "with" || w === "for") && i < parts.length - 1)) &&
      parts[i - 1]!.endsWith("timeout"),
  );
  // `TIMEOUT_FOR_ENTERING_ANIMATION` (@awsui/components-react): "for" an animation, a transition or a fade says what
  // the delay paces, as `animationTimeout` does.
  if (after > 0 && parts[after] === "for" && PACING.has(parts.at(-1)!)) return false;
  if (after > 0) parts.splice(after);
  // `ERASE_REGION_TIMEOUT_PER_MB`, `softTimeoutPerKbMs`, `timeoutPerAttempt` (JS): a timeout per unit of work, scaled
  // by the work's size or count into the bound of one wait (esptool-js' `timeoutPerMb(rate, size)`): still a timeout.
  const per = parts.findIndex((w, i) => i > 0 && w === "per" && parts[i - 1] === "timeout");
  if (spelledApart && per > 0 && per >= parts.length - 3) parts.splice(per, 2);
  // `launch_timeout_pad_default_value`, `connect_timeout_default`: a default or a pad of a timeout is one.
  while (parts.length > 1 && (TRAILING.has(parts.at(-1)!) || (UNITS.has(parts.at(-1)!) && TRAILING.has(parts.at(-2)!))))
    parts.pop();
  // `timeoutInMs`, `receiveDrainTimeoutInSeconds` (Azure SDKs), and in JavaScript also written in snake case
  // (mixpanel's `request_timeout_in_seconds: 10`, `DEFAULT_CLIENT_REQUEST_TIMEOUT_IN_MS`): the unit after "in".
  // Python's names take only units of seconds or shorter there (`isPythonTimeoutName`).
  const unitAfterIn = !name.includes("_") || (spelledApart && /_in_[a-z]+$/i.test(name));
  if (parts.length >= 3 && UNITS.has(parts.at(-1)!) && parts.at(-2) === "in" && unitAfterIn) parts.splice(-2, 1);
  const last = parts.at(-1) ?? "";
  if (last === "timeout") return true;
  // `fetch-retry-maxtimeout` (npm's option names): a fused bound after the backoff's word, as `retryMaxTimeout`.
  if (/^(min|max)timeout$/.test(last) && parts.length >= 2 && BACKOFF.has(parts.at(-2)!)) return false;
  // `timeout_socket`, `timeout_transport`, `timeout_ops` (scrapli's drivers), `timeout_connect`: the timeout first, then
  // what it bounds (not `timeout_handler`, `timeout_error`, `timeout_id`: those name no duration).
  if (parts.length === 2 && parts[0] === "timeout" && BOUNDED_AFTER.has(last)) return true;
  // `settimeoutms`, `ontimeoutms`, `maxtimeoutms`: the word a unit follows is judged like a last word (a setter, a
  // handler), and a fused `min`/`max` is a backoff's bound as `minTimeoutMs` is by its first word.
  if (UNITS.has(last) && parts.length >= 2)
    return durationWord(parts.at(-2)!) && !/^(min|max)timeout$/.test(parts.at(-2)!);
  return durationWord(last);
}

/** `isTimeoutName` for a Python name, whose snake-case `time_out` is one word (`joinedTimeOut`): `time_out=60`. */
export function isPythonTimeoutName(name: string, extraNames: ReadonlySet<string> = new Set()): boolean {
  if (isTimeoutName(joinedTimeOut(name), extraNames) || MAX_WAIT.test(name)) return true;
  // `timeout_in_seconds=10` (pyvlx's `ApiEvent`), `TIMEOUT_IN_MS`: the timeout with its unit. Minutes and hours are
  // left out: posthog's `INACTIVITY_TIMEOUT_IN_MINUTES` is a session's expiry, as such long spans mostly are.
  return IN_SHORT_UNIT.test(name) && isTimeoutName(joinedTimeOut(name.replace(IN_SHORT_UNIT, "")), extraNames);
}

/** `_in_seconds`, `_IN_MS`: a unit of seconds or shorter after "in", at the end of a Python name. */
const IN_SHORT_UNIT = /_in_(?:seconds|secs|sec|s|ms|millis|milliseconds)$/i;

/**
 * `max_wait=360`, `maxwait=120`, `max_wait_seconds=30`: Python's spelling of the longest a call waits (jenkinsapi's
 * `safe_exit`, cassandra's `populate`, curator's actions). Not `max_wait_time`, mostly a retry backoff's cap beside its
 * `base_wait_time` (huggingface_hub, b2sdk). Python only: JavaScript's `maxWait` is lodash's debounce option, a quiet
 * period's cap.
 */
const MAX_WAIT = /^_*max_?wait(?:_?(?:seconds|secs|sec|s|ms|millis))?$/i;

/** One word ending in `timeout` that is not a flag, a handler or an accessor (`notimeout`, `ontimeout`, `settimeout`). */
function durationWord(word: string): boolean {
  return word.endsWith("timeout") && !/^(no|on|clear|set|get|has|is)timeout$/.test(word);
}
