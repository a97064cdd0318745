#!/usr/bin/env node
// build: generate the config spec and version from @org/config, then build the wheel and sdist
// with hatchling (no build isolation: the pinned hatchling in .venv, no network at build time).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ensureVenv, packageDir } from "./venv.mjs";

execFileSync(process.execPath, [join(packageDir, "scripts/generate.mjs")], { stdio: "inherit" });
const python = ensureVenv();
rmSync(join(packageDir, "dist"), { recursive: true, force: true });
try {
  execFileSync(python, ["-m", "build", "--wheel", "--sdist", "--no-isolation", "--outdir", "dist", "."], {
    cwd: packageDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
} catch {
  console.error(
    "org-toolkit: `python -m build` failed (its output is above); fix pyproject.toml or src/ and build again.",
  );
  process.exit(1);
}
console.log("org-toolkit: built dist/ (wheel and sdist)");
