// Runs @org/config's loadConfig on each case read from stdin and prints what it gave:
// the resolved config or the issues. tests/test_config_parity.py compares org_toolkit.config with it.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("../../package.json", import.meta.url));
const { loadConfig } = await import(pathToFileURL(require.resolve("@org/config")).href);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map(({ env }) => {
  try {
    const config = JSON.parse(JSON.stringify(loadConfig({ env })));
    delete config.topology;
    return { ok: config };
  } catch (error) {
    if (!Array.isArray(error.issues)) throw error;
    return { issues: error.issues.map(({ source, key, message }) => ({ source, key, message })) };
  }
});
process.stdout.write(JSON.stringify(results));
