import { spawn } from "node:child_process";
import { ProvenanceError } from "./errors.ts";

// Settings that would change what git prints: signatures, colours, pagers, replace refs.
const STABLE = ["-c", "log.showSignature=false", "-c", "color.ui=false", "-c", "core.quotePath=false", "--no-pager"];

/** Runs one git command and returns its stdout; a failure is a ProvenanceError naming the command. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...STABLE, ...args], { cwd, stdio: ["pipe", "pipe", "pipe"], env: gitEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.once("error", (error) =>
      reject(
        new ProvenanceError("ORG_PROVENANCE_GIT", `cannot run git in ${cwd}: ${error.message}. Is git installed?`, {
          cause: error,
        }),
      ),
    );
    child.once("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const stderr = Buffer.concat(err).toString("utf8").trim().split("\n").slice(0, 3).join(" / ");
      reject(
        new ProvenanceError("ORG_PROVENANCE_GIT", `git ${args[0]} failed in ${cwd} (exit ${code}): ${stderr}`, {
          cause: { exitCode: code },
        }),
      );
    });
    child.stdin.on("error", () => {}); // git may exit before reading all of stdin; its exit code says why
    child.stdin.end(input ?? "");
  });
}

function gitEnv(): NodeJS.ProcessEnv {
  // A hook runs with GIT_DIR/GIT_INDEX_FILE pointing at its repository; commands here are told their cwd instead.
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_PAGER: "cat", LC_ALL: "C" };
  delete env.GIT_INDEX_FILE;
  return env;
}

/** Refuses a revision that git would read as an option. */
export function assertRevision(rev: string, what: string): void {
  if (rev.startsWith("-") || rev.includes("\0")) {
    throw new ProvenanceError("ORG_PROVENANCE_GIT", `${what} "${rev}" is not a revision (it must not start with "-")`);
  }
}
