import { packageBuild } from "../../tsdown.shared.ts";

export default packageBuild({ demo: "src/demo.ts" }, { dts: false });
