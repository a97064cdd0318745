#!/usr/bin/env node
// Committed shim so the bin exists before the first build; the CLI itself is dist/bin.js.
try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/bin.js")) throw error;
  process.stderr.write("org-audit is not built yet: run `npx -y pnpm@10.34.9 build` (or the test command) first.\n");
  process.exitCode = 2;
}
