import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/** pytest and its dependencies, pinned to versions the PyPI mirror serves. */
export const PYTEST_REQUIREMENTS = [
  "pytest==8.4.2",
  "iniconfig==2.3.0",
  "packaging==26.3",
  "pluggy==1.6.0",
  "pygments==2.21.0",
];

/**
 * A virtualenv with pytest from PyPI, made once per machine and user (under the temp dir, keyed by the
 * pinned versions) and reused: made in a scratch dir and renamed into place, so parallel runs never
 * see half of one. Returns the venv's python.
 */
export function pytestVenv(): string {
  const key = PYTEST_REQUIREMENTS.join("_").replace(/[^\w.]+/g, "-");
  const venv = join(tmpdir(), `org-flaky-venv-${userInfo().uid}-${key}`);
  const python = join(venv, "bin", "python");
  if (existsSync(python)) return python;
  const scratch = mkdtempSync(join(tmpdir(), "org-flaky-venv-build-"));
  try {
    execFileSync("python3", ["-m", "venv", scratch], { stdio: "pipe" });
    execFileSync(
      join(scratch, "bin", "python"),
      ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...PYTEST_REQUIREMENTS],
      {
        stdio: "pipe",
      },
    );
    // Only `python -m pytest` is used, so moving the venv after building it is safe.
    try {
      renameSync(scratch, venv);
    } catch {
      rmSync(scratch, { recursive: true, force: true }); // another run got there first
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(
      `could not create a virtualenv with ${PYTEST_REQUIREMENTS[0]}: ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`,
      { cause: error },
    );
  }
  return python;
}
