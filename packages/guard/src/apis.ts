// The timeout APIs known out of the box, by language (`apis-javascript.ts`, `apis-python.ts`), the shape of an entry,
// and how a call is matched with them (`api-match.ts`): what callers import, from one place.
import { JAVASCRIPT_TIMEOUT_APIS } from "./apis-javascript.ts";
import { PYTHON_TIMEOUT_APIS } from "./apis-python.ts";

/**
 * A call whose argument is a timeout. `callee` is the dotted path as written (`AbortSignal.timeout`);
 * a leading `*.` matches any object (`*.setDefaultTimeout`; `*.describe.configure` any path that ends so, whatever
 * the test object is called), a trailing `.*` any method (`axios.*`).
 * `argument` is the position of the timeout, or "last" for a trailing timeout after a callback (test
 * frameworks), or "all" when every numeric argument is a duration (`httpx.Timeout(5.0, connect=2.0)`), or
 * "options" when the timeouts are the timeout-named keys of an options object it takes (`axios.create({
 * timeout: 0 })`; those keys are checked wherever they are written, the entry says what 0 means there).
 * `keyword` is its keyword in Python.
 */
export interface TimeoutApi {
  language: "js" | "python";
  callee: string;
  argument: number | "last" | "all" | "options";
  keyword?: string;
  /** For "last": the fewest arguments a call needs for its last one to be the timeout. */
  minArguments?: number;
  /**
   * What 0 (and JavaScript's `false`) means for this API: true "no limit" (reported as unbounded), false a
   * 0 s timeout (reported as hardcoded). Unset: true in JavaScript; in Python "poll, don't block" (not
   * reported). A 0 given to a call that is no API here is not reported: the receiver decides what it means.
   */
  zeroIsUnbounded?: boolean;
  /**
   * A negative is this API's documented "no limit" (Cucumber's `setDefaultTimeout(-1)`, birpc's `timeout: -1`): reported
   * as unbounded. Unset: a negative is a sentinel ("unset"), not reported.
   */
  negativeIsUnbounded?: boolean;
  /**
   * A 0 fails the call at once (birpc's `timeout: 0` option, SQLite's `sqlite3_busy_timeout(db, 0)`): no wait to
   * bound, so not reported, where `zeroIsUnbounded: false` would report it as a hardcoded 0 s timeout.
   */
  zeroRejectsAtOnce?: boolean;
  /**
   * (Python) The API refuses None where its timeout goes (Selenium's `WebDriverWait` runs `float(timeout)`, which raises
   * on None): no wait without a limit, so a None there is not reported. Unset: None means no limit.
   */
  noneRefused?: boolean;
}

/** The timeout APIs known out of the box; the guard's config adds to them (`apis`). */
export const DEFAULT_TIMEOUT_APIS: readonly TimeoutApi[] = [...JAVASCRIPT_TIMEOUT_APIS, ...PYTHON_TIMEOUT_APIS];

// Matching lives with its index (`api-match.ts`); callers import it from here with the table.
export { matchApi } from "./api-match.ts";
