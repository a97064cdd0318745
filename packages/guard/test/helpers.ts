import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runGuardCli } from "../src/cli.ts";

/** A temp directory holding `files` (path -> contents). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "org-guard-"));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A temp git repository with an identity, holding `files` (not yet staged). */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const root = tempTree(files);
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "test@example.invalid");
  git(root, "config", "user.name", "org-guard test");
  git(root, "config", "commit.gpgsign", "false");
  return root;
}

export async function guard(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGuardCli(argv, {
    cwd,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    color: false,
    version: "9.9.9",
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
