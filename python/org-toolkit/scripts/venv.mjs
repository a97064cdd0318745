// The virtualenv that builds and tests org-toolkit: made by the build/test command itself from
// requirements-dev.txt (pinned), remade when that file changes. Nothing is installed globally.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const venvDir = join(packageDir, ".venv");
export const venvPython = join(venvDir, "bin", "python");

const CI = process.env.CI === "true" || process.env.CI === "1";

// pip retries an unreachable index 5 times with backoff, per package: a minute of waiting on a
// machine whose only index is a local mirror. One retry still rides out a blip.
process.env.PIP_RETRIES ??= "1";
process.env.PIP_DISABLE_PIP_VERSION_CHECK ??= "1";

/** Exits: 1 under CI (a missing tool is a failure there), 0 with a message elsewhere. */
export function missing(what, fix) {
  const message = `org-toolkit: ${what}. ${fix}`;
  if (CI) {
    console.error(`${message}\n(CI=true: this is a failure, not a skip.)`);
    process.exit(1);
  }
  console.warn(`${message}\nSkipping the Python package (under CI=true this fails).`);
  process.exit(0);
}

/**
 * python3 >= 3.11 with the venv module, or undefined: `$PYTHON` if set, else the newest 3.11 release among every
 * `python3.11` / `python3` on PATH (then any newer 3.x). The newest, not the first: `npx` puts /usr/bin ahead of pyenv's
 * shims, and Debian's 3.11.2 needs `async-timeout` for redis (a marker for Pythons before 3.11.3) that a machine's local
 * package index may not serve.
 */
export function findPython() {
  if (process.env.PYTHON) return probe(process.env.PYTHON) ? process.env.PYTHON : undefined;
  const found = [];
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean))
    for (const name of ["python3.11", "python3"]) {
      const path = join(dir, name);
      const version = existsSync(path) ? probe(path) : undefined;
      if (version) found.push({ path, version });
    }
  const rank = ({ version: [, minor, micro] }) => (minor === 11 ? 1000 : 0) + micro - minor;
  return found.sort((a, b) => rank(b) - rank(a))[0]?.path;
}

/** The version of a python3 >= 3.11 that has the venv module, as [major, minor, micro], or undefined. */
function probe(python) {
  const result = spawnSync(python, ["-c", "import sys, venv, ensurepip; print('%d.%d.%d' % sys.version_info[:3])"], {
    encoding: "utf8",
  });
  if (result.status !== 0) return undefined;
  const version = result.stdout.trim().split(".").map(Number);
  return version[0] === 3 && version[1] >= 11 ? version : undefined;
}

/** Makes (or reuses) .venv with exactly requirements-dev.txt; returns its python. */
export function ensureVenv() {
  const requirements = readFileSync(join(packageDir, "requirements-dev.txt"), "utf8");
  const stamp = join(venvDir, ".requirements.sha256");
  const digest = createHash("sha256").update(requirements).digest("hex");
  if (existsSync(venvPython) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return venvPython;
  const python = findPython();
  if (!python) {
    missing(
      "python3 >= 3.11 with the venv module was not found",
      "Install it (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3.11.",
    );
  }
  console.log(`org-toolkit: creating the virtualenv in ${venvDir} (requirements-dev.txt changed or first run)`);
  rmSync(venvDir, { recursive: true, force: true });
  execFileSync(python, ["-m", "venv", venvDir], { stdio: "inherit" });
  execFileSync(
    venvPython,
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", join(packageDir, "requirements-dev.txt")],
    { stdio: "inherit" },
  );
  writeFileSync(stamp, digest);
  return venvPython;
}
