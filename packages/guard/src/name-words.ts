// The words of a name: its split into lower-case words, the units written after a timeout's name, "timeout" written
// as two words or with a unit fused onto it, and the seconds a unit is worth.

/**
 * Units written after a timeout's name. Microseconds too: `timeoutUs=100000` (SoapySDR's stream reads) is a duration
 * of the C API the binding wraps. Not nanoseconds: a literal of those reads as a day or more ("no limit").
 */
export const UNITS = new Set([
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
 * Units that may be fused onto the timeout word in one lower-case (or upper-case) word: mininet's `timeoutms=500`,
 * bluez's `timeoutms`, `TIMEOUTSECS`. Not `s` (`timeouts` counts them) nor `min`/`mins` (`timeoutmin` may be a bound).
 */
const FUSED_UNIT = /^(\w*timeout)(us|usec|usecs|micros|ms|millis|msec|msecs|sec|secs|seconds|minutes)$/;

/** The words with a fused unit split off the last one (`timeoutms` -> `timeout ms`), so every check reads both. */
export function unfused(parts: string[]): string[] {
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

/**
 * A Python name with "timeout" written as two snake-case words joined into one (`time_out` -> `timeout`,
 * `SERVER_DELETE_TIME_OUT` -> `SERVER_DELETE_TIMEOUT`): trove's `poll_until(f, time_out=60)`. The underscore between
 * them is the naming fact; a camel-case `timeOut` (Twisted's protocol attributes, driven on virtual clocks in tests)
 * stays as written, and so do `datetime_out`, `time_outs` and `runtime_out`, whose words are others.
 */
export function joinedTimeOut(name: string): string {
  return name.replace(/(^|_)(time)_(?=out(_|\d|$))/gi, "$1$2");
}

/** `timeOutMs`, `TIME_OUT`, `idle_time_out`: "timeout" written as two words is one (not `datetime_out`). */
export function fused(parts: string[]): string[] {
  const out: string[] = [];
  for (const word of parts) {
    if (word === "out" && out.at(-1) === "time") out[out.length - 1] = "timeout";
    else out.push(word);
  }
  return out;
}
