import { isTimeoutName } from "../names.ts";

/**
 * The entries of a code list: four or more names bound to integers, few of them timeout names, and
 * either every integer distinct (`{ RequestTimeout: 408, GatewayTimeout: 504 }`) or every one the
 * same (`{ connectTimeout: 1, database: 1 }`: a set of option names, 1 meaning "known").
 */
export function isCodeList(
  entries: readonly (readonly [string | undefined, number | undefined])[],
  extra: ReadonlySet<string>,
  distinctOnly = false,
): boolean {
  // Three entries numbered 0, 1, 2 (or 1, 2, 3) in order are an enum too (`{ RATE_LIMIT: 0, ..., EVALUATION_TIMEOUT: 2 }`).
  const numbered =
    !distinctOnly && entries.length === 3 && entries.every(([, n], i) => n === i + (entries[0]![1] === 1 ? 1 : 0));
  if (entries.length < 4 && !numbered) return false;
  const values = new Set<number>();
  let timeouts = 0;
  for (const [name, number] of entries) {
    if (number === undefined) return false;
    values.add(number);
    if (name !== undefined && isTimeoutName(name, extra)) timeouts += 1;
  }
  // `API.CLOSED = 3; API.CLOSE_TIMEOUT = 30000;`: a duration written among the codes it goes with is no code
  // (codes are small and close together; a timeout of a second or more stands ten times above them).
  // The largest value but entry `skip`'s, from the top two (a spread of every value per entry was quadratic in
  // a generated table's length and overflowed the stack past about 100,000 entries).
  let top = 0;
  let second = 0;
  let topAt = -1;
  entries.forEach(([, n], i) => {
    const value = n ?? 0;
    if (value > top) [second, top, topAt] = [top, value, i];
    else if (value > second) second = value;
  });
  const largest = (skip: number) => (skip === topAt ? second : top);
  if (
    entries.some(
      ([name, n], i) => name !== undefined && isTimeoutName(name, extra) && n! >= 1000 && n! >= 10 * largest(i),
    )
  )
    return false;
  // Statement lists keep an alias or two (`ERROR_LAST = 1468` after `WRONG_STRING_LENGTH = 1468`).
  const repeats = entries.length - values.size;
  // A long table keeps an alias too (selenium's `UNKNOWN_COMMAND: 9, UNSUPPORTED_OPERATION: 9` among 38 codes); one
  // of a dozen or more, one in eight (spdy-transport's HTTP/2 errors: `OK: 0, NO_ERROR: 0` and `STREAM_CLOSED: 5,
  // INVALID_STREAM: 5` among 16, `SETTINGS_TIMEOUT: 4` one of them).
  const aliases = Math.floor(entries.length / (entries.length >= 12 ? 8 : 10));
  const distinct = repeats <= (distinctOnly ? Math.max(1, aliases) : aliases);
  return (distinct || (values.size === 1 && !distinctOnly)) && timeouts * 2 < entries.length;
}
