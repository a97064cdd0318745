// The virtualenv that builds and tests org-toolkit: made by the build/test command itself from
// requirements-dev.txt (pinned), remade when that file changes. Nothing is installed globally.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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

/** python3 >= 3.11 with the venv module, or undefined. */
export function findPython() {
  for (const candidate of [process.env.PYTHON, "python3.11", "python3"].filter(Boolean)) {
    const probe = spawnSync(candidate, ["-c", "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"], {
      encoding: "utf8",
    });
    if (probe.status === 0) {
      const [major, minor] = probe.stdout.trim().split(".").map(Number);
      if (major === 3 && minor >= 11) return candidate;
    }
  }
  return undefined;
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
