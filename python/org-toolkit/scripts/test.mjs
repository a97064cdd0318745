#!/usr/bin/env node
// test: install the built wheel into .venv, type-check with mypy --strict, and run the pytest suite
// against the wheel (not against src/), so what is tested is what `pip install` gives. Extra
// arguments go to pytest.
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
// mypy --strict on the package and its tests ([tool.mypy] in pyproject.toml): a type error fails the step.
const typed = spawnSync(python, ["-m", "mypy", "--no-error-summary"], { cwd: packageDir, stdio: "inherit" });
if (typed.status !== 0) {
  console.error("org-toolkit: mypy --strict found type errors (above); fix them, then run the tests again.");
  process.exit(1);
}
console.log("org-toolkit: mypy --strict found no type errors (src/org_toolkit, tests)");
const result = spawnSync(python, ["-m", "pytest", ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: "inherit",
  env: { ...process.env, ORG_TOOLKIT_WHEEL: join(packageDir, "dist", wheels[0]) },
});
process.exit(result.status ?? 2);
