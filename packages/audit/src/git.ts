import { spawn } from "node:child_process";
import { AuditError } from "./errors.ts";

/** Runs git and returns stdout; a failure is an AuditError naming the command and git's message. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-c", "core.quotePath=false", "--no-pager", ...args], {
      cwd,
      env: { ...process.env, LC_ALL: "C", GIT_PAGER: "cat" },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.once("error", (error) =>
      reject(new AuditError("ORG_AUDIT_INPUT", `cannot run git in ${cwd}: ${error.message}`, { cause: error })),
    );
    child.once("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const detail = Buffer.concat(err).toString("utf8").trim().split("\n").slice(0, 2).join(" / ");
      reject(
        new AuditError("ORG_AUDIT_INPUT", `git ${args[0]} failed in ${cwd} (exit ${code}): ${detail}`, {
          cause: { exitCode: code },
        }),
      );
    });
    child.stdin.on("error", () => {}); // git may exit before reading stdin; the exit code says why
    child.stdin.end(input ?? "");
  });
}

/** Refuses a revision git would take for an option. */
export function revision(value: string, option: string): string {
  if (value.startsWith("-") || value.trim() === "") {
    throw new AuditError("ORG_AUDIT_USAGE", `${option} "${value}" is not a revision`);
  }
  return value;
}

/** A file changed between two revisions. */
export interface ChangedFile {
  path: string;
  /** The path before a rename (same as `path` otherwise). */
  oldPath: string;
  status: "A" | "M" | "D" | "R";
  /** Line numbers (in the new version) of added or changed lines. */
  addedLines: number[];
  /** Line ranges (in the old version) of removed or changed lines: [start, end], inclusive. */
  removedRanges: [number, number][];
}

/** Parses `git diff -U0` output into files with their added lines and removed ranges. */
export function parseUnifiedDiff(out: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  let current: ChangedFile | undefined;
  for (const line of out.split("\n")) {
    if (line.startsWith("diff --git ")) {
      current = { path: "", oldPath: "", status: "M", addedLines: [], removedRanges: [] };
      files.push(current);
    } else if (!current) continue;
    else if (line.startsWith("new file mode")) current.status = "A";
    else if (line.startsWith("deleted file mode")) current.status = "D";
    else if (line.startsWith("rename from ")) {
      current.status = "R";
      current.oldPath = line.slice("rename from ".length);
    } else if (line.startsWith("rename to ")) current.path = line.slice("rename to ".length);
    else if (line.startsWith("--- ")) {
      if (line !== "--- /dev/null") current.oldPath = line.slice(6);
    } else if (line.startsWith("+++ ")) {
      if (line !== "+++ /dev/null") current.path = line.slice(6);
    } else if (line.startsWith("@@")) {
      const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const oldStart = Number(match[1]);
      const oldCount = match[2] === undefined ? 1 : Number(match[2]);
      const start = Number(match[3]);
      const count = match[4] === undefined ? 1 : Number(match[4]);
      if (oldCount > 0) current.removedRanges.push([oldStart, oldStart + oldCount - 1]);
      for (let i = 0; i < count; i++) current.addedLines.push(start + i);
    }
  }
  for (const f of files) {
    if (f.path === "") f.path = f.oldPath;
    if (f.oldPath === "") f.oldPath = f.path;
  }
  return files.filter((f) => f.path !== "");
}

/** Files changed from the merge base of `base` and `head` to `head` (one git call). */
export async function changedFiles(cwd: string, base: string, head: string): Promise<ChangedFile[]> {
  return parseUnifiedDiff(await git(cwd, ["diff", "-U0", "-M", "--no-color", "--no-ext-diff", `${base}...${head}`]));
}
