/** The folders a package keeps its tests in. */
const TEST_FOLDERS = "tests?|__tests__|spec|e2e";

/** A path inside a tests folder. */
export const TEST_FOLDER = new RegExp(`(^|[\\\\/])(${TEST_FOLDERS})[\\\\/]`);

/** A path inside a tests folder or a fixtures folder (`canned-data.ts`: the data tests compare with). */
export const TEST_OR_FIXTURE_FOLDER = new RegExp(`(^|[\\\\/])(${TEST_FOLDERS}|fixtures?)[\\\\/]`);

/** A test file by its folder or its name (`Function.test.ts`, `api.spec.js`). */
export const TEST_FILE = new RegExp(`${TEST_FOLDER.source}|\\.(test|spec)\\.[cm]?[jt]sx?$`);
