import { defineConfig, type UserConfig } from "tsdown";

/** Output options as an object (the recipe adds to them; a function form would hide what it sets). */
type OutputOptions = Exclude<NonNullable<UserConfig["outputOptions"]>, (...args: never[]) => unknown>;

/**
 * The one build recipe for every publishable package: ESM, Node 20.19, bundled
 * declarations, dependencies left external. A package passes only its entries.
 * No source maps: with their sources inlined they were most of each tarball, and the
 * unminified output already reads like the source (scripts/check-packages.mjs keeps it so).
 * No JSDoc in the JavaScript either: the bundler already drops every other comment, the
 * declarations carry the public API's documentation, and the internal "why" stays in the
 * sources; in @org/guard the JSDoc blocks were 122 of its 675 kB. Legal comments (a bundled
 * library's licence) and annotations (`@__PURE__`) stay.
 */
export function packageBuild(
  entry: Record<string, string>,
  { outputOptions, ...overrides }: Omit<UserConfig, "outputOptions"> & { outputOptions?: OutputOptions } = {},
) {
  return defineConfig({
    entry,
    format: "esm",
    platform: "node",
    target: "node20.19",
    dts: true,
    clean: true,
    sourcemap: false,
    fixedExtension: false,
    ...overrides,
    outputOptions: { comments: { legal: true, annotation: true, jsdoc: false }, ...outputOptions },
  });
}
