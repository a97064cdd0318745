import { defineConfig, type UserConfig } from "tsdown";

/**
 * The one build recipe for every publishable package: ESM, Node 20.19, bundled
 * declarations, dependencies left external. A package passes only its entries.
 * No source maps: with their sources inlined they were most of each tarball, and the
 * unminified output already reads like the source (scripts/check-packages.mjs keeps it so).
 */
export function packageBuild(entry: Record<string, string>, overrides: UserConfig = {}) {
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
  });
}
