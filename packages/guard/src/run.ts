import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import type * as WorkerThreads from "node:worker_threads";
import { checkSource, checkSourceScreened, type FileResult, mayReachDetector } from "./check.ts";
import { loadGuardConfig, type GuardConfig } from "./config.ts";
import { WORKER_STACK_MB } from "./deep.ts";
import { listFiles, stagedCandidates, triage, workingTreeCandidates, type Skipped } from "./files.ts";
import type { PackageFacts } from "./package-facts-shape.ts";
import { factsOfRun } from "./packages.ts";

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
  const { facts, failed } = await factsOfRun(check, config, cwd, options.staged ?? false);
  const results = await checkAll(check, config, facts);
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

/** About how many bytes of source a thread is handed at a time. */
const BATCH_BYTES = 128 * 1024;

async function checkAll(
  files: { path: string; text: string }[],
  config: GuardConfig,
  facts: (PackageFacts | undefined)[],
): Promise<FileResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  const worker = new URL("./worker.js", import.meta.url);
  // Workers run the built worker.js; from sources (tests) the check stays in-process.
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !existsSync(worker)) {
    const results: FileResult[] = [];
    for (const [index, file] of files.entries())
      results.push(await checkSource(file.path, file.text, config, facts[index]));
    return results;
  }
  // Loaded only here: a commit-sized run stays on this thread and never pays for loading `node:worker_threads`.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof WorkerThreads;
  // Largest first, in batches handed to whichever thread asks: bytes alone do not predict the cost
  // (a file that may hold a finding is walked, most are only parsed), so shares fixed up front
  // left one thread working long after the other had finished.
  const order = files.map((_, index) => index).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  // The files the prefilter lets through to the detector (a few in a hundred) are all checked on this thread, as they
  // come up in that order: the detector is most of org-guard's code and runs cold in a run, so each thread that met it
  // paid again for compiling and warming it (and for loading the AST converter), about a tenth of a whole tree's CPU.
  // Every other file is only parsed, wherever it goes; each file's prefilter runs once, here.
  const screened: (boolean | undefined)[] = new Array(files.length);
  const detected: number[] = [];
  let next = 0;
  const nextBatch = (): number[] => {
    const batch: number[] = [];
    for (let bytes = 0; next < order.length && (batch.length === 0 || bytes < BATCH_BYTES); next++) {
      const index = order[next]!;
      screened[index] = mayReachDetector(files[index]!.path, files[index]!.text, config);
      if (screened[index] === true) detected.push(index);
      else {
        batch.push(index);
        bytes += files[index]!.text.length;
      }
    }
    return batch;
  };
  // Each package's facts go to the threads once; a file carries its package's index.
  const indexOf = new Map<PackageFacts, number>();
  for (const f of facts) if (f !== undefined && !indexOf.has(f)) indexOf.set(f, indexOf.size);
  const packages = [...indexOf.keys()];
  const packageOf = facts.map((f) => (f === undefined ? undefined : indexOf.get(f)));
  const results: FileResult[] = new Array(files.length);
  const checkHere = async (index: number) => {
    const file = files[index]!;
    const result = await checkSourceScreened(file.path, file.text, config, facts[index], screened[index]);
    results[index] = result.messages.length > 0 ? result : { ...result, source: "" };
  };
  // This thread checks batches too (after the workers have their first ones): it has the checker loaded already, where
  // one more worker would load and warm up its own copy.
  const here = async () => {
    for (;;) {
      const index = detected.shift();
      if (index !== undefined) await checkHere(index);
      else {
        const batch = nextBatch();
        if (batch.length === 0 && detected.length === 0) break;
        for (const index of batch) await checkHere(index);
      }
      // The workers' messages (their next batches) are answered between batches and between detected files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([
    ...Array.from(
      { length: threads - 1 },
      () =>
        new Promise<void>((resolve, reject) => {
          const thread = new Worker(worker, {
            workerData: {
              config,
              // Structured cloning keeps the Maps and Sets; every field goes, or a thread judges its files with
              // less than the main thread knows and a finding depends on which thread took the batch.
              packages,
            },
            resourceLimits: { stackSizeMb: WORKER_STACK_MB },
          });
          // Two batches in flight per thread, so a thread never waits for its next one.
          const inFlight: number[][] = [];
          const send = () => {
            const batch = nextBatch();
            if (batch.length === 0) {
              if (inFlight.length === 0) thread.postMessage(null); // no more work: the thread ends
              return;
            }
            inFlight.push(batch);
            thread.postMessage(
              batch.map((index) => ({ ...files[index]!, facts: packageOf[index], screened: screened[index] })),
            );
          };
          thread.on("message", (batchResults: FileResult[]) => {
            const batch = inFlight.shift()!;
            batchResults.forEach((result, i) => (results[batch[i]!] = result));
            send();
          });
          thread.once("error", reject);
          thread.once("exit", (code) =>
            code === 0 && inFlight.length === 0
              ? resolve()
              : reject(new Error(`org-guard worker exited with code ${code}`)),
          );
          send();
          send();
        }),
    ),
    here(),
  ]);
  return results;
}
