import type * as ChildProcess from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import type { GuardConfig } from "./config.ts";
import { GuardError } from "./errors.ts";
import { isCheckable } from "./check.ts";

/** A file to check: its path as shown to the user, and its bytes. */
export interface Candidate {
  path: string;
  read: () => Buffer;
  size: number;
}

/** Why a file was not checked, shown as a note. */
export interface Skipped {
  path: string;
  reason: string;
}

const ALWAYS_SKIPPED = new Set(["node_modules", ".git", ".turbo"]);

// Loaded on the first git call: a check of named files (the pre-commit framework's) never starts git, and
// `node:child_process` costs a commit-sized run a few milliseconds to load (bench/speed.mjs).
let childProcess: typeof ChildProcess | undefined;
const processes = () => (childProcess ??= createRequire(import.meta.url)("node:child_process") as typeof ChildProcess);

function git(cwd: string, args: string[], input?: string): Buffer {
  try {
    return processes().execFileSync("git", args, {
      cwd,
      input,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? "").trim();
    throw new GuardError("ORG_GUARD_GIT", `git ${args[0]} failed in ${cwd}: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  }
}

function insideGitWorkTree(cwd: string): boolean {
  return (
    processes().spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd, encoding: "utf8" }).stdout?.trim() ===
    "true"
  );
}

/**
 * The checkable files under `paths` (files and directories, recursively). Inside a git work tree,
 * directories list what git does not ignore (.gitignore honoured); elsewhere node_modules is skipped.
 */
export function listFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  let useGit: boolean | undefined;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new GuardError("ORG_GUARD_USAGE", `no such file or directory: ${path}`);
    }
    if (stats.isFile()) {
      // A named file in a language org-guard does not read (README.md) is not checked, not misparsed.
      if (isCheckable(absolute)) found.add(relative(cwd, absolute) || path);
      continue;
    }
    useGit ??= insideGitWorkTree(cwd);
    if (useGit) {
      const listed = git(cwd, [
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
        "--",
        relative(cwd, absolute) || ".",
      ]);
      for (const file of listed.toString("utf8").split("\0")) {
        // Dependencies are never ours to check, even where .gitignore forgot them.
        if (file && isCheckable(file) && !file.split("/").some((part) => ALWAYS_SKIPPED.has(part))) found.add(file);
      }
    } else {
      walk(absolute, (file) => found.add(relative(cwd, file)));
    }
  }
  return [...found].sort();
}

function walk(dir: string, add: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, add);
    else if (entry.isFile() && isCheckable(entry.name)) add(path);
  }
}

/** Files from the working tree. */
export function workingTreeCandidates(files: readonly string[], cwd: string): Candidate[] {
  return files.map((path) => {
    const absolute = resolve(cwd, path);
    return { path, size: statSync(absolute).size, read: () => readFileSync(absolute) };
  });
}

/**
 * The staged version of every added, copied, modified or renamed checkable file, read from the
 * index with one `git cat-file --batch`: a partially staged file is judged on what will be committed.
 */
export function stagedCandidates(cwd: string): Candidate[] {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
  const names = git(top, ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])
    .toString("utf8")
    .split("\0")
    .filter((name) => name && isCheckable(name));
  if (names.length === 0) return [];
  const entries = git(top, ["ls-files", "-s", "-z", "--", ...names])
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [mode = "", object = ""] = meta.split(" ");
      return { mode, object, path };
    })
    .filter((entry) => entry.mode !== "160000");
  const batch = git(top, ["cat-file", "--batch"], entries.map((e) => e.object).join("\n") + "\n");
  const candidates: Candidate[] = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString("utf8");
    const size = Number(header.split(" ")[2]);
    const content = batch.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    const shown = relative(cwd, join(top, entry.path)) || entry.path;
    candidates.push({ path: shown.split(sep).join("/"), size, read: () => content });
  }
  return candidates;
}

/** Splits candidates into those to check and those skipped: ignored by config, binary or oversized. */
export async function triage(candidates: readonly Candidate[], config: GuardConfig, cwd: string) {
  // Loaded only when there are globs to match: the CLI starts on every commit.
  const ignored =
    config.ignore.length > 0 ? (await import("picomatch")).default(config.ignore, { dot: true }) : () => false;
  const check: { path: string; text: string }[] = [];
  const skipped: Skipped[] = [];
  for (const candidate of candidates) {
    const fromRoot = relative(config.root, resolve(cwd, candidate.path)).split(sep).join("/");
    if (ignored(fromRoot)) continue;
    if (candidate.size > config.maxFileBytes) {
      skipped.push({ path: candidate.path, reason: `larger than ${config.maxFileBytes} bytes (maxFileBytes)` });
      continue;
    }
    const bytes = candidate.read();
    if (bytes.subarray(0, 8000).includes(0)) {
      skipped.push({ path: candidate.path, reason: "binary" });
      continue;
    }
    check.push({ path: candidate.path, text: bytes.toString("utf8") });
  }
  return { check, skipped };
}
