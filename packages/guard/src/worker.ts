import { parentPort, workerData } from "node:worker_threads";
import { checkSourceScreened, mayReachDetector } from "./check.ts";
import type { GuardConfig } from "./config.ts";
import type { PackageFacts } from "./package-facts-shape.ts";
import type { WorkerAnswer, WorkerMessage } from "./threads.ts";

// One thread of a large check (`threads.ts`): it checks the batches of files it is sent, in order, and answers each
// with its results; `null` ends it. Its first batches come before the package facts are known: a file of those that
// reaches the detector is answered with `null` (checked later with its facts). The facts come once, before any batch
// that needs them. Sources of clean files are not sent back: only code frames of findings need them.
const { config } = workerData as { config: GuardConfig };
let packages: PackageFacts[] = [];
let queue = Promise.resolve();
parentPort!.on("message", (message: WorkerMessage) => {
  queue = queue.then(async () => {
    if (message === null) {
      parentPort!.close();
      return;
    }
    if (!Array.isArray(message)) {
      packages = message.packages;
      return;
    }
    const answer: WorkerAnswer = [];
    for (const file of message) {
      const screened = file.early ? mayReachDetector(file.path, file.text, config) : file.screened;
      if (file.early && screened !== false) {
        answer.push(null);
        continue;
      }
      const facts = file.facts === undefined ? undefined : packages[file.facts];
      const result = await checkSourceScreened(file.path, file.text, config, facts, screened);
      answer.push(result.messages.length > 0 ? result : { ...result, source: "" });
    }
    parentPort!.postMessage(answer);
  });
});
