import { packageBuild } from "../../tsdown.shared.ts";

export default packageBuild({ index: "src/index.ts", ports: "src/ports.ts" });
