import { packageBuild } from "../../tsdown.shared.ts";

// zod and picomatch are bundled: the CLI starts on every commit, and one pre-linked file
// loads faster than their many modules (bench/speed.mjs, commit-sized run).
export default packageBuild(
  {
    index: "src/index.ts",
    eslint: "src/eslint.ts",
    bin: "src/bin.ts",
    worker: "src/worker.ts",
    "deep-worker": "src/deep-worker.ts",
  },
  { deps: { alwaysBundle: ["zod", "picomatch"] } },
);
