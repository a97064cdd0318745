const UNITS = new Set([
  "ms",
  "millis",
  "milliseconds",
  "msec",
  "s",
  "sec",
  "secs",
  "seconds",
  "min",
  "mins",
  "minutes",
]);

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
 * Whether a property, keyword or parameter name holds a timeout duration: its last word is
 * `timeout` (`timeout`, `testTimeout`, `read_timeout`, `REQUEST_TIMEOUT`), or `timeout` followed
 * by a unit (`timeoutMs`, `timeout_seconds`). Counters such as `timeoutCount` and `max_timeouts`
 * are not durations. `extraNames` (from the guard's config) match exactly.
 */
export function isTimeoutName(name: string, extraNames: ReadonlySet<string> = new Set()): boolean {
  if (extraNames.has(name)) return true;
  const parts = words(name);
  const last = parts.at(-1);
  if (last === "timeout") return true;
  return parts.length >= 2 && UNITS.has(last ?? "") && parts.at(-2) === "timeout";
}
