import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type * as WorkerThreads from "node:worker_threads";
import type { FileResult } from "./check.ts";
import type { GuardConfig } from "./config.ts";

/**
 * Nesting (as `nestingBound` measures it) that oxc-parser handles on any thread org-guard runs it
 * on in-process: the main thread's 8 MiB stack, or a parallel worker's 16 MiB. Measured: a 4 MiB
 * stack overflows at about 2,000 nested functions; ordinary code stays below 300.
 */
export const IN_PROCESS_NESTING = 1_000;
/** Nesting the deep worker's 1 GiB stack takes (about 2 KiB a level at worst); deeper files are reported unparsed. */
export const MAX_NESTING = 200_000;
/** Stack of the parallel workers (`run.ts`), above Node's 4 MiB default so they match the main thread. */
export const WORKER_STACK_MB = 16;
const DEEP_STACK_MB = 1_024;

let worker: WorkerThreads.Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (result: FileResult) => void; reject: (error: Error) => void }>();

/**
 * Checks one deeply nested file on a thread with a 1 GiB stack, so the native parser cannot
 * overflow the process's; undefined when the built worker is not there (running from sources).
 */
export function checkOnDeepStack(
  filePath: string,
  source: string,
  config: GuardConfig,
): Promise<FileResult> | undefined {
  const url = new URL("./deep-worker.js", import.meta.url);
  if (!existsSync(url)) return undefined;
  if (!worker) {
    // Loaded on the first deeply nested file only (`node:worker_threads` is not free to load on every commit).
    const threads = createRequire(import.meta.url)("node:worker_threads") as typeof WorkerThreads;
    worker = new threads.Worker(url, { resourceLimits: { stackSizeMb: DEEP_STACK_MB } });
    worker.on("message", ({ id, result, error }: { id: number; result?: FileResult; error?: string }) => {
      const request = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) worker?.unref();
      if (result) request?.resolve(result);
      else request?.reject(new Error(error ?? "the deep-nesting worker failed"));
    });
    const fail = (error: Error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      worker = undefined;
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the deep-nesting worker exited with code ${code}`)));
  }
  const id = nextId++;
  worker.ref();
  worker.postMessage({ id, filePath, source, config });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
