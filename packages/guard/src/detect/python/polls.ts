// EFFECTIVELY A POLL: a bound under a millisecond (`select.select([sys.stdin], [], [], 0.0001)` in a `kbhit()`,
// `lock.acquire(0.0001)`, `pend_event(timeout=1e-5)`). Python's waits take seconds, so such a literal is under a
// millisecond, below the resolution of the system's timers and of a person's wait: the call returns at once, as with
// the `0` that means "poll, don't block" (README "Poll ticks"). An API in milliseconds makes it smaller still. Where `0`
// means "no limit" or is itself a duration (`ZeroMeans`), the tiny value stays a duration. In tests it stays one too:
// there a tiny bound on a real wait is how the test makes the wait time out (`make_runner(test, timeout=0.0001)`,
// `batch_post(..., timeout=0.0001)` expecting a timeout error), and the wait is what the test checks.
import type { PyFacts } from "./facts.ts";

/** A literal bound below this many seconds (1 ms) is a poll outside tests. */
export const POLL_BELOW = 0.001;

// A test module: under a `test`/`tests`/`testing` folder, or named `test_*.py`, `*_test.py`, `*_tests.py`,
// `conftest.py`.
const TEST_PATH = /(^|[\\/])(tests?|testing)[\\/]|(^|[\\/])(test_[^\\/]*|[^\\/]*_tests?|conftest)\.py$/;

/** Whether the file checked is a test module (by its path). */
export function inTests(facts: PyFacts): boolean {
  return TEST_PATH.test(facts.options.path ?? "");
}
