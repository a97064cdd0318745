import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { checkSource, type FileResult } from "./check.ts";
import { loadGuardConfig, type GuardConfig } from "./config.ts";
import { listFiles, stagedCandidates, triage, workingTreeCandidates, type Skipped } from "./files.ts";
import { factsOfRun, type RunFacts } from "./packages.ts";
import { startThreads, type ThreadedCheck } from "./threads.ts";

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
  const checking = startCheck(check, config);
  let run: RunFacts;
  try {
    run = await factsOfRun(check, config, cwd, options.staged ?? false);
  } catch (error) {
    await checking.stop();
    throw error;
  }
  const { facts, failed } = run;
  const results = await checking.finish(facts);
  for (const [index, reason] of failed.entries())
    if (reason !== undefined) packagePassFailed(results[index]!, reason, config);
  return { results, skipped };
}

/**
 * A file whose package pass threw was checked on its own (what other files of its package show it was not used): it
 * says so as an `internal-error`, so the run fails loudly rather than passing findings that context would have given.
 */
function packagePassFailed(result: FileResult, reason: string, config: GuardConfig): void {
  const severity = config.severities["internal-error"];
  if (severity === 0) return;
  result.messages.unshift({
    ruleId: "internal-error",
    severity,
    message: `org-guard's pass over this file's package failed (${reason}); the file was checked on its own. The rest of the run is unaffected; please report it with the package.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  });
  if (severity === 2) result.errorCount += 1;
  else result.warningCount += 1;
}

/** Below this many files a check stays on one thread: starting workers would cost more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/**
 * Starts the check of `files`: on worker threads for a large run of the built CLI (they start before the package pass,
 * `threads.ts`), else on this thread once the facts are known (from sources, tests check in-process).
 */
function startCheck(files: readonly { path: string; text: string }[], config: GuardConfig): ThreadedCheck {
  const worker = new URL("./worker.js", import.meta.url);
  if (files.length >= PARALLEL_THRESHOLD && Math.min(availableParallelism(), 4) >= 2 && existsSync(worker))
    return startThreads(files, config, worker);
  return {
    async finish(facts) {
      const results: FileResult[] = [];
      for (const [index, file] of files.entries())
        results.push(await checkSource(file.path, file.text, config, facts[index]));
      return results;
    },
    async stop() {},
  };
}
