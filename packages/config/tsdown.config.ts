import { packageBuild } from "../../tsdown.shared.ts";

// zod is bundled: one pre-linked file instead of zod's many modules halves the cold import
// cost (bench/import-cost.mjs); its types stay out of the public .d.ts (plain interfaces).
export default packageBuild({ index: "src/index.ts", bin: "src/bin.ts" }, { deps: { alwaysBundle: ["zod"] } });
