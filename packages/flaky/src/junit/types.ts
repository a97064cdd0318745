import type { FailureCategory } from "../categories.ts";

/** One test's outcome in one run, as stored. */
export interface TestExecution {
  /** Path of the test file relative to the repository root (`""` when the report does not say). */
  file: string;
  /** The test's full name within its file (`describe > test` for vitest, `Class::test` for pytest). */
  name: string;
  status: "passed" | "failed" | "skipped";
  /** Attempts that failed before the last one (a pass with retries > 0 passed on retry). */
  retries: number;
  durationMs: number | null;
  /** The first failure's message (up to 2,000 characters), null when it passed. */
  message: string | null;
  /** The first failure's exception type, e.g. `AssertionError`, `requests.exceptions.ReadTimeout`. */
  failureType: string | null;
  category: FailureCategory | null;
}
