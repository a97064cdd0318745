import { packageBuild } from "../../tsdown.shared.ts";

// zod and picomatch are bundled: the CLI starts on every commit, and one pre-linked file
// loads faster than their many modules (bench/speed.mjs, commit-sized run). For the same reason the modules a
// commit-sized run loads are one chunk ("cli"), not the dozen files rolldown would split them into (they are shared
// with the library entry): the group names only the CLI's module, and rolldown adds every module it imports,
// statically and recursively (codeSplitting's includeDependenciesRecursively, on by default), so the CLI's import
// graph is the one list. What it imports with `import()` (the detectors, the package facts' walk, the config schema,
// picomatch) stays out: chunks of their own, loaded when a run needs them.
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
        groups: [{ name: "cli", test: /[\\/]src[\\/]cli\.ts$/ }],
      },
    },
  },
);
