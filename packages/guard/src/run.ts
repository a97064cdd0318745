import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkSource, type FileResult } from "./check.ts";
import { loadGuardConfig, type GuardConfig } from "./config.ts";
import { WORKER_STACK_MB } from "./deep.ts";
import { listFiles, stagedCandidates, triage, workingTreeCandidates, type Skipped } from "./files.ts";

export interface CheckFilesOptions {
  /**
   * Files and directories to check, relative to `cwd`.
   * @default ["."]
   */
  paths?: readonly string[];
  /**
   * Check the staged versions of staged files (read from the git index) instead of `paths`.
   * @default false
   */
  staged?: boolean;
  /** @default process.cwd() */
  cwd?: string;
  /** @default the nearest org-guard.config.json or package.json "orgGuard" */
  config?: GuardConfig;
}

export interface CheckFilesResult {
  results: FileResult[];
  skipped: Skipped[];
}

/** Checks files on disk, or the staged ones, the way `org-guard check` does. */
export async function checkFiles(options: CheckFilesOptions = {}): Promise<CheckFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadGuardConfig(cwd));
  const candidates = options.staged
    ? stagedCandidates(cwd)
    : workingTreeCandidates(listFiles(options.paths?.length ? options.paths : ["."], cwd), cwd);
  const { check, skipped } = await triage(candidates, config, cwd);
  return { results: await checkAll(check, config), skipped };
}

/** Below this many files a check stays on one thread: starting workers would cost more than it saves. */
export const PARALLEL_THRESHOLD = 200;

async function checkAll(files: { path: string; text: string }[], config: GuardConfig): Promise<FileResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  const worker = new URL("./worker.js", import.meta.url);
  // Workers run the built worker.js; from sources (tests) the check stays in-process.
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !existsSync(worker)) {
    const results: FileResult[] = [];
    for (const file of files) results.push(await checkSource(file.path, file.text, config));
    return results;
  }
  // Greedy by size, so every thread gets about the same number of bytes.
  const shares: { files: typeof files; bytes: number; indexes: number[] }[] = Array.from({ length: threads }, () => ({
    files: [],
    bytes: 0,
    indexes: [],
  }));
  const order = files.map((file, index) => ({ file, index })).sort((a, b) => b.file.text.length - a.file.text.length);
  for (const { file, index } of order) {
    const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.files.push(file);
    share.indexes.push(index);
    share.bytes += file.text.length;
  }
  const results: FileResult[] = new Array(files.length);
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const thread = new Worker(worker, {
            workerData: { files: share.files, config },
            resourceLimits: { stackSizeMb: WORKER_STACK_MB },
          });
          thread.once("message", (shareResults: FileResult[]) => {
            shareResults.forEach((result, i) => (results[share.indexes[i]!] = result));
            resolve();
          });
          thread.once("error", reject);
          thread.once("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`org-guard worker exited with code ${code}`)),
          );
        }),
    ),
  );
  return results;
}
