// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh339 (pi-subagents): a file's own
// `error(code, message)` factory builds an error from its text, as `new Error(...)` does: the fallback printed in the
// message bounds nothing; the timer's own fallback on the next line is the deadline.
import { spawn } from "node:child_process";

function error(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

export function run(args: string[], runOptions: { timeoutMs?: number }) {
  return new Promise((_, reject) => {
    const child = spawn("herdr", args);
    setTimeout(
      () => {
        child.kill();
        reject(error("TIMEOUT", `Herdr command timed out after ${runOptions.timeoutMs ?? 15_000}ms.`));
      },
      runOptions.timeoutMs ?? 15_000, // expect: no-hardcoded-timeout
    );
  });
}
