import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 25;

/**
 * Takes an exclusive lock on an embedded store: a directory made atomically, holding the owner's pid.
 * Waits while a live process holds it (a parallel `record` finishes, it does not hang); takes over a
 * lock whose owner died. Resolves to the function that releases it.
 */
export async function acquireDirLock(path: string, onWait?: (pid: number) => void): Promise<() => Promise<void>> {
  let told = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, "pid"), String(process.pid));
      return async () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = ownerPid(path);
    if (owner !== undefined && !alive(owner)) {
      // The owner died holding it: take it over (one racer wins the rename-free mkdir above next round).
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (!told && owner !== undefined) {
      onWait?.(owner);
      told = true;
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

function ownerPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(path, "pid"), "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // being created or removed right now
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
