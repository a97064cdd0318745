#!/usr/bin/env node
// test: install the built wheel into .venv and run the pytest suite against it (not against src/),
// so what is tested is what `pip install` gives. Extra arguments go to pytest.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ensureVenv, missing, packageDir } from "./venv.mjs";

const python = ensureVenv();
const wheels = readdirSync(join(packageDir, "dist"), { withFileTypes: true })
  .map((entry) => entry.name)
  .filter((name) => name.endsWith(".whl"));
if (wheels.length !== 1) {
  missing(
    `expected one wheel in dist/, found ${wheels.length}`,
    "Run the build first (pnpm --filter @org/python-toolkit build).",
  );
}
execFileSync(
  python,
  [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "--no-deps",
    "--force-reinstall",
    join("dist", wheels[0]),
  ],
  { cwd: packageDir, stdio: "inherit" },
);
const result = spawnSync(python, ["-m", "pytest", ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: "inherit",
  env: { ...process.env, ORG_TOOLKIT_WHEEL: join(packageDir, "dist", wheels[0]) },
});
process.exit(result.status ?? 2);
