import { parentPort, workerData } from "node:worker_threads";
import { checkSource, type FileResult } from "./check.ts";
import type { GuardConfig } from "./config.ts";

// One share of a large check, on its own thread. Sources of clean files are not sent back:
// only code frames of findings need them.
const { files, config } = workerData as { files: { path: string; text: string }[]; config: GuardConfig };
const results: FileResult[] = [];
for (const file of files) {
  const result = await checkSource(file.path, file.text, config);
  results.push(result.messages.length > 0 ? result : { ...result, source: "" });
}
parentPort!.postMessage(results);
