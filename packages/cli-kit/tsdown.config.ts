import { packageBuild } from "../../tsdown.shared.ts";

export default packageBuild({ index: "src/index.ts", html: "src/html.ts", error: "src/coded-error.ts" });
