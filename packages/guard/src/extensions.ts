// Which language a file is, by its extension: one list for the check, the package facts and the file walk.
import { extname } from "node:path";

/** In the order a module specifier without one is resolved to a file (`./options` → `options.js` before `.ts`). */
export const JS_EXTENSIONS: ReadonlySet<string> = new Set([
  ".js",
  ".ts",
  ".cjs",
  ".mjs",
  ".mts",
  ".cts",
  ".jsx",
  ".tsx",
]);
const PYTHON_EXTENSIONS: ReadonlySet<string> = new Set([".py"]);
/** TypeScript without JSX: a quote in its text always starts a string (see `mightHoldTimeout`). */
export const TYPESCRIPT: ReadonlySet<string> = new Set([".ts", ".mts", ".cts"]);

/**
 * Declaration files (`index.d.ts`, `.d.mts`, `.d.cts`) hold types only: nothing in them runs, so nothing waits, and a
 * value written there (`export declare const DEFAULT_TIMEOUT = 30000;`) is a literal type that restates the source's.
 * They are not checked, as type tests report nothing (`detect/type-tests.ts`).
 */
export const isDeclarationFile = (path: string): boolean => /\.d\.[cm]?ts$/i.test(path);

export const isJavaScript = (path: string): boolean =>
  JS_EXTENSIONS.has(extname(path).toLowerCase()) && !isDeclarationFile(path);
export const isPython = (path: string): boolean => PYTHON_EXTENSIONS.has(extname(path).toLowerCase());
export const isTypeScript = (path: string): boolean => TYPESCRIPT.has(extname(path).toLowerCase());
