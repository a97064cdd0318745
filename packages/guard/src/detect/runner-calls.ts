// Whether a file registers tests: a runner called with a title. Asked by the heuristics that only apply in a test
// (a scripted abort, a double's call record, a type test that runs nothing).

/**
 * A test runner called with a title: `it("...")`, `test('...')`, `describe(...)`, tap's `t.test("...")`, Playwright's
 * `test.describe("...")`. A method of anything else is no runner: zod's `.describe("REQUIRED: ...")` in a bundle
 * (@pioneer-platform/pioneer-sdk, fresh281) made a 47,000-line SDK a test file, and its fetches' `AbortSignal.timeout`s
 * a test's scripted aborts.
 */
const RUNNER_CALL = /\b(?:it|test|describe|suite|specify)\s*\(\s*['"`]/g;
/** The objects whose runner methods register tests: tap's `t`, `tap`, Playwright's `test`, `Deno`. */
const RUNNER_OBJECT = /(?:^|[^\w$.])(?:t|tap|test|Deno)\.$/;

/** Whether `source` calls a test runner with a title (`RUNNER_CALL`, not as another object's method). */
export function callsTestRunner(source: string): boolean {
  // Matched plainly, then the text before looked at: a lookbehind in the pattern made V8 try it at every offset.
  for (const match of source.matchAll(RUNNER_CALL)) {
    if (source.charAt(match.index - 1) !== ".") return true;
    if (RUNNER_OBJECT.test(source.slice(Math.max(0, match.index - 6), match.index))) return true;
  }
  return false;
}
