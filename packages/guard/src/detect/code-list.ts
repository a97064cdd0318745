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
  if (entries.length < 4) return false;
  const values = new Set<number>();
  let timeouts = 0;
  for (const [name, number] of entries) {
    if (number === undefined) return false;
    values.add(number);
    if (name !== undefined && isTimeoutName(name, extra)) timeouts += 1;
  }
  // Statement lists keep an alias or two (`ERROR_LAST = 1468` after `WRONG_STRING_LENGTH = 1468`).
  const repeats = entries.length - values.size;
  // A long table keeps an alias too (selenium's `UNKNOWN_COMMAND: 9, UNSUPPORTED_OPERATION: 9` among 38 codes).
  const distinct =
    repeats <= (distinctOnly ? Math.max(1, Math.floor(entries.length / 10)) : Math.floor(entries.length / 10));
  return (distinct || (values.size === 1 && !distinctOnly)) && timeouts * 2 < entries.length;
}
