import { parentPort } from "node:worker_threads";
import { checkSourceOnThisStack } from "./check.ts";
import type { GuardConfig } from "./config.ts";

// Deeply nested files, one at a time, on this thread's 1 GiB stack (see deep.ts).
parentPort!.on(
  "message",
  ({ id, filePath, source, config }: { id: number; filePath: string; source: string; config: GuardConfig }) => {
    checkSourceOnThisStack(filePath, source, config).then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) => parentPort!.postMessage({ id, error: (error as Error)?.message ?? String(error) }),
    );
  },
);
