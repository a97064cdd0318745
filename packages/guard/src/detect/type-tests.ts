// Type-test files are type-checked, never run: nothing in them waits.

import { callsTestRunner } from "./runner-calls.ts";

/** tstyche's `*.tst.ts`, tsd's and Vitest's `*.test-d.ts` / `*.spec-d.ts`. */
const TYPE_TEST_FILE = /\.(tst|test-d|spec-d)\.[cm]?tsx?$/i;

/** A file that imports tstyche or tsd (their assertions only exist for the type checker). */
const TYPE_TEST_IMPORT = /\bfrom\s*["'](tstyche|tsd)["']|\brequire\s*\(\s*["'](tstyche|tsd)["']\s*\)/;

/**
 * TypeScript written only to exercise a package's declarations: DefinitelyTyped's `<name>-tests.ts`, or a file in
 * a `types`/`typings` folder (`types/kafka-node-tests.ts`, `test/types/index.ts`).
 */
const DECLARATION_TEST_FILE =
  /(^|[\\/])[\w.-]+-tests\.[cm]?tsx?$|(^|[\\/])(types|typings|type-tests)[\\/][^\\/]+\.[cm]?tsx?$/i;

/**
 * dtslint's (and eslint-plugin-expect-type's) assertions: `// $ExpectType Promise<void>` and `// $ExpectError` on or
 * above a line are checked against the type the compiler infers; the file is compiled, never run.
 */
const DTSLINT_ASSERTION = /\/\/\s*\$Expect(Type|Error)\b/;

/** A folder that holds declaration tests: `types/taiko/test/`, `typings/`, `test-d/`, `dtslint/`, `type-tests/`. */
const DECLARATION_TEST_FOLDER = /(^|[\\/])(types|typings|type-tests|test-d|dtslint)[\\/](.+[\\/])?[^\\/]+\.[cm]?tsx?$/i;

/** The package itself, imported from its root (`import * as kafka from '..'`, `from '../../'`). */
const PACKAGE_ROOT_IMPORT = /\bfrom\s*["'](\.\.\/?)+["']|\brequire\s*\(\s*["'](\.\.\/?)+["']\s*\)/;

/**
 * A spec named like a test in a declaration test folder (cypress-wait-until's `cypress/types/plugin.spec.ts`, top-level
 * `cy.waitUntil(() => true, { timeout: 500 })` calls and no `it(...)`): a spec that registers no test runs nothing
 * under its runner (and `cy` commands outside a test would throw); it is there for `tsc`.
 */
const DECLARATION_SPEC_FILE = /(^|[\\/])(types|typings|type-tests)[\\/](.+[\\/])?[^\\/]+\.(spec|test)\.[cm]?tsx?$/i;

/**
 * Whether a JavaScript/TypeScript file is a type test (`index.tst.ts`, `index.test-d.ts`, a file importing
 * tstyche or tsd, a dtslint test with `// $ExpectType` assertions in a declaration test folder, a declaration test
 * that imports its package's root and calls no test runner, a spec in a declaration test folder that registers no
 * test): its option
 * objects (`{ timeout: 1000 }`) only exercise types, so no timeout finding applies.
 */
export function isTypeTestFile(filePath: string, source: string): boolean {
  if (TYPE_TEST_FILE.test(filePath) || TYPE_TEST_IMPORT.test(source)) return true;
  // taiko's `types/taiko/test/page-actions.ts`: `click("Go", { navigationTimeout: 60000 }); // $ExpectType Promise<void>`.
  if (DECLARATION_TEST_FOLDER.test(filePath) && DTSLINT_ASSERTION.test(source)) return true;
  if (DECLARATION_SPEC_FILE.test(filePath)) return !callsTestRunner(source);
  return DECLARATION_TEST_FILE.test(filePath) && PACKAGE_ROOT_IMPORT.test(source) && !callsTestRunner(source);
}
