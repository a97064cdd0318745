import { parentPort, workerData } from "node:worker_threads";
import { checkSourceScreened, type FileResult } from "./check.ts";
import type { GuardConfig } from "./config.ts";
import type { PackageFacts } from "./package-facts-shape.ts";

// One thread of a large check: it checks the batches of files it is sent, in order, and answers
// each with its results; `null` ends it. Sources of clean files are not sent back: only code
// frames of findings need them.
const { config, packages } = workerData as { config: GuardConfig; packages: PackageFacts[] };
let queue = Promise.resolve();
parentPort!.on("message", (files: { path: string; text: string; facts?: number; screened?: boolean }[] | null) => {
  queue = queue.then(async () => {
    if (files === null) {
      parentPort!.close();
      return;
    }
    const results: FileResult[] = [];
    for (const file of files) {
      const facts = file.facts === undefined ? undefined : packages[file.facts];
      const result = await checkSourceScreened(file.path, file.text, config, facts, file.screened);
      results.push(result.messages.length > 0 ? result : { ...result, source: "" });
    }
    parentPort!.postMessage(results);
  });
});
