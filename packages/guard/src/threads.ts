// A large check split between this thread and worker threads. The workers start before the package pass: a
// JavaScript file the prefilter keeps from the detector is only parsed and needs no facts, so they screen and parse
// such files while this thread works out the facts (a quarter of a whole tree's wall time, which they spent idle
// before). A file that needs its package's facts (one that reaches the detector, a Python file) waits until they are
// known.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import type * as WorkerThreads from "node:worker_threads";
import { checkSourceScreened, type FileResult } from "./check.ts";
import type { GuardConfig } from "./config.ts";
import { WORKER_STACK_MB } from "./deep.ts";
import { isJavaScript } from "./extensions.ts";
import type { PackageFacts } from "./package-facts-shape.ts";

/** About how many bytes of source a thread is handed at a time. */
const BATCH_BYTES = 128 * 1024;

/** About how many bytes of files that reach the detector a worker is handed at a time (each costs a walk). */
const DETECTED_BATCH_BYTES = 16 * 1024;

/** Batches kept in flight per worker, so a worker never waits for its next one. */
const IN_FLIGHT = 2;

/**
 * Bytes kept in flight per worker while the facts are worked out: this thread answers only between the package pass's
 * files then (bench/speed.mjs's tree: 1 MiB left the worker least idle, whole tree -7 % wall).
 */
const EARLY_BYTES = 1024 * 1024;

/**
 * A file as a worker is sent it: `facts` is its package's index in the facts sent before (none for a file sent before
 * they were known: `early`, screened by the worker and handed back unchecked when it reaches the detector).
 */
export interface WorkerFile {
  path: string;
  text: string;
  facts?: number;
  early?: boolean;
  screened?: boolean;
}

/** What a worker is sent: a batch, the packages' facts (once, before any batch that needs them), or `null` (stop). */
export type WorkerMessage = WorkerFile[] | { packages: PackageFacts[] } | null;

/** A worker's answer to a batch, file by file: a result, or `null` for an early file that needs its facts. */
export type WorkerAnswer = (FileResult | null)[];

export interface ThreadedCheck {
  /** Checks the rest with each file's package facts (by index in the files) and returns every file's result. */
  finish(facts: readonly (PackageFacts | undefined)[]): Promise<FileResult[]>;
  /** Ends the workers without results (the package pass failed as a whole). */
  stop(): Promise<void>;
}

/** Starts checking `files` on worker threads (built `worker.js`), before their package facts are known. */
export function startThreads(
  files: readonly { path: string; text: string }[],
  config: GuardConfig,
  worker: URL,
): ThreadedCheck {
  const threads = Math.min(availableParallelism(), 4);
  // Loaded only here: a commit-sized run stays on one thread and never pays for loading `node:worker_threads`.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof WorkerThreads;
  // Largest first, in batches handed to whichever thread asks: bytes alone do not predict the cost
  // (a file that may hold a finding is walked, most are only parsed), so shares fixed up front
  // left one thread working long after the other had finished.
  const order = files.map((_, index) => index).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  // Files that reach the detector, found by a worker before the facts were known: this thread checks them (the
  // detector is most of org-guard's code and runs cold; each thread that meets it pays for compiling and warming it),
  // and workers take some from the end once nothing else is left.
  const detected: number[] = [];
  const reaching = new Set<number>();
  // Files met before the facts were known that need them (Python): sent first once they are.
  const deferred: number[] = [];
  let packageOf: (number | undefined)[] | undefined;
  let next = 0;
  const nextBatch = (): number[] => {
    const batch: number[] = [];
    let bytes = 0;
    const take = (index: number, limit = BATCH_BYTES) => {
      if (batch.length > 0 && bytes >= limit) return false;
      batch.push(index);
      bytes += files[index]!.text.length;
      return true;
    };
    if (packageOf) while (deferred.length > 0 && take(deferred[0]!)) deferred.shift();
    for (; next < order.length; next++) {
      const index = order[next]!;
      if (!packageOf && !isJavaScript(files[index]!.path)) deferred.push(index);
      else if (!take(index)) break;
    }
    if (packageOf && batch.length === 0)
      while (detected.length > 0 && take(detected.at(-1)!, DETECTED_BATCH_BYTES)) detected.pop();
    return batch;
  };
  const bytesOf = (batch: readonly number[]) => batch.reduce((n, i) => n + files[i]!.text.length, 0);
  const results: FileResult[] = new Array(files.length);
  // Threads that asked for work while only files waiting for facts were left: they are sent more once facts are known.
  const waiting: (() => void)[] = [];
  const started: WorkerThreads.Worker[] = [];
  const ended = Promise.all(
    Array.from(
      { length: threads - 1 },
      () =>
        new Promise<void>((resolve, reject) => {
          const thread = new Worker(worker, {
            workerData: { config },
            resourceLimits: { stackSizeMb: WORKER_STACK_MB },
          });
          started.push(thread);
          const post = (message: WorkerMessage) => thread.postMessage(message);
          const inFlight: number[][] = [];
          let bytesInFlight = 0;
          let done = false;
          const send = () => {
            if (done) return;
            const batch = nextBatch();
            if (batch.length === 0) {
              if (!packageOf) {
                if (!waiting.includes(send)) waiting.push(send);
              } else if (inFlight.length === 0) {
                done = true;
                post(null); // no more work: the thread ends
              }
              return;
            }
            inFlight.push(batch);
            bytesInFlight += bytesOf(batch);
            const early = !packageOf;
            post(
              batch.map((index) => ({
                ...files[index]!,
                ...(early ? { early } : { facts: packageOf![index], screened: reaching.has(index) || undefined }),
              })),
            );
          };
          const fill = () => {
            const more = () => (packageOf ? inFlight.length < IN_FLIGHT : bytesInFlight < EARLY_BYTES);
            for (let before = -1; more() && inFlight.length !== before && !done;) {
              before = inFlight.length;
              send();
            }
          };
          thread.on("message", (answer: WorkerAnswer) => {
            const batch = inFlight.shift()!;
            bytesInFlight -= bytesOf(batch);
            answer.forEach((result, i) => {
              if (result === null) {
                detected.push(batch[i]!);
                reaching.add(batch[i]!);
              } else results[batch[i]!] = result;
            });
            fill();
          });
          thread.once("error", reject);
          thread.once("exit", (code) =>
            code === 0 && inFlight.length === 0
              ? resolve()
              : reject(new Error(`org-guard worker exited with code ${code}`)),
          );
          fill();
        }),
    ),
  );
  // A worker that fails before `finish` is awaited fails the run there, not as an unhandled rejection.
  ended.catch(() => {});
  return {
    async finish(facts) {
      // Each package's facts go to the threads once; a file carries its package's index.
      const indexOf = new Map<PackageFacts, number>();
      for (const f of facts) if (f !== undefined && !indexOf.has(f)) indexOf.set(f, indexOf.size);
      for (const thread of started) thread.postMessage({ packages: [...indexOf.keys()] } satisfies WorkerMessage);
      packageOf = facts.map((f) => (f === undefined ? undefined : indexOf.get(f)));
      for (const send of waiting.splice(0)) send();
      const checkHere = async (index: number, screened: boolean | undefined) => {
        const file = files[index]!;
        const result = await checkSourceScreened(file.path, file.text, config, facts[index], screened);
        results[index] = result.messages.length > 0 ? result : { ...result, source: "" };
      };
      // This thread checks batches too (after the workers have theirs): it has the checker loaded already, where one
      // more worker would load and warm up its own copy.
      for (;;) {
        const index = detected.shift();
        if (index !== undefined) await checkHere(index, true);
        else {
          const batch = nextBatch();
          if (batch.length === 0 && detected.length === 0) break;
          for (const index of batch) await checkHere(index, undefined);
        }
        // The workers' messages (their next batches) are answered between batches and between detected files.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await ended;
      return results;
    },
    async stop() {
      await Promise.all(started.map((thread) => thread.terminate()));
    },
  };
}
