// Whether a file registers tests: a runner called with a title. Asked by the heuristics that only apply in a test
// (a scripted abort, a double's call record, a type test that runs nothing).

/**
 * A test runner called with a title: `it("...")`, `test('...')`, `describe(...)`, tap's `t.test("...")`, Playwright's
 * `test.describe("...")`. A method of anything else is no runner: zod's `.describe("REQUIRED: ...")` in a bundle
 * (@pioneer-platform/pioneer-sdk, fresh281) made a 47,000-line SDK a test file, and its fetches' `AbortSignal.timeout`s
 * a test's scripted aborts.
 */
const RUNNER_CALL =
  /(?:(?<![\w$.])|(?<=(?<![\w$.])(?:t|tap|test|Deno)\.))(?:it|test|describe|suite|specify)\s*\(\s*['"`]/;

/** Whether `source` calls a test runner with a title (`RUNNER_CALL`). */
export function callsTestRunner(source: string): boolean {
  return RUNNER_CALL.test(source);
}
