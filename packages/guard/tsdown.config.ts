import { packageBuild } from "../../tsdown.shared.ts";

// zod and picomatch are bundled: the CLI starts on every commit, and one pre-linked file
// loads faster than their many modules (bench/speed.mjs, commit-sized run). For the same reason the modules a
// commit-sized run loads are one chunk ("cli": options, files, package candidates, parse, prefilter, suppressions,
// formatters): split along the sources they were a dozen files to resolve and read. The detectors, the package
// facts' walk, the config schema and picomatch stay chunks of their own, loaded when a run needs them.
export default packageBuild(
  {
    index: "src/index.ts",
    eslint: "src/eslint.ts",
    bin: "src/bin.ts",
    worker: "src/worker.ts",
    "deep-worker": "src/deep-worker.ts",
  },
  {
    deps: { alwaysBundle: ["zod", "picomatch"] },
    outputOptions: {
      codeSplitting: {
        groups: [
          {
            name: "cli",
            test: /[\\/]src[\\/](cli|config|errors|error-codes|rules|apis|run|files|packages|package-candidates|names|check|nesting|deep|extensions|prefilter|suppressions|timeout-phases|detect[\\/]oxc|formatters[\\/]\w+)\.ts$/,
          },
        ],
      },
    },
  },
);
