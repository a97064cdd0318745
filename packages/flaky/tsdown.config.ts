import { packageBuild } from "../../tsdown.shared.ts";

export default packageBuild({
  index: "src/index.ts",
  vitest: "src/vitest.ts",
  testing: "src/testing.ts",
  example: "src/example.ts",
  bin: "src/bin.ts",
});
