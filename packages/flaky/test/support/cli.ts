import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { cleanEnv } from "./fixture-repo.ts";

export const BIN = join(import.meta.dirname, "../../bin/org-flaky.js");

/** Runs the built `org-flaky` as a user would, in `cwd`. */
export function orgFlaky(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
