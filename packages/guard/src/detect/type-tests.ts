// Type-test files are type-checked, never run: nothing in them waits.

/** tstyche's `*.tst.ts`, tsd's and Vitest's `*.test-d.ts` / `*.spec-d.ts`. */
const TYPE_TEST_FILE = /\.(tst|test-d|spec-d)\.[cm]?tsx?$/i;

/** A file that imports tstyche or tsd (their assertions only exist for the type checker). */
const TYPE_TEST_IMPORT = /\bfrom\s*["'](tstyche|tsd)["']|\brequire\s*\(\s*["'](tstyche|tsd)["']\s*\)/;

/**
 * Whether a JavaScript/TypeScript file is a type test (`index.tst.ts`, `index.test-d.ts`, a file importing
 * tstyche or tsd): its option objects (`{ timeout: 1000 }`) only exercise types, so no timeout finding applies.
 */
export function isTypeTestFile(filePath: string, source: string): boolean {
  return TYPE_TEST_FILE.test(filePath) || TYPE_TEST_IMPORT.test(source);
}
