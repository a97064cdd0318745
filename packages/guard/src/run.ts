import { checkSource, type FileResult } from "./check.ts";
import { loadGuardConfig, type GuardConfig } from "./config.ts";
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
  const config = options.config ?? loadGuardConfig(cwd);
  const candidates = options.staged
    ? stagedCandidates(cwd)
    : workingTreeCandidates(listFiles(options.paths?.length ? options.paths : ["."], cwd), cwd);
  const { check, skipped } = triage(candidates, config, cwd);
  const results: FileResult[] = [];
  for (const file of check) results.push(await checkSource(file.path, file.text, config));
  return { results, skipped };
}
