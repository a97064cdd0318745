import { packageBuild } from "../../tsdown.shared.ts";

export default packageBuild({ index: "src/index.ts", eslint: "src/eslint.ts", bin: "src/bin.ts" });
