import { defineConfig, type UserConfig } from "tsdown";

/**
 * The one build recipe for every publishable package: ESM, Node 20.19, bundled
 * declarations, dependencies left external. A package passes only its entries.
 */
export function packageBuild(entry: Record<string, string>, overrides: UserConfig = {}) {
  return defineConfig({
    entry,
    format: "esm",
    platform: "node",
    target: "node20.19",
    dts: true,
    clean: true,
    sourcemap: true,
    fixedExtension: false,
    ...overrides,
  });
}
