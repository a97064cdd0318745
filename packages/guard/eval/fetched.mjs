// The shared package cache's one write: a fetched package moves into place whole, and a complete copy is never removed
// in place: a copy in the way is moved aside in one rename and removed there, and a complete one found aside goes back.
// Several runs (every engineer's, on one machine) fetch into eval/.cache at once; each extracts into a directory of its
// own (`<dir>.partial-<pid>`) and then calls `install`. A run reads a package's files after `install` returns, so a
// directory holding `.done` is left alone by every other run: removing it, even to put an identical copy in its place,
// pulled the files from under a run reading them (two runs raced on one package).
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Moves the extracted package `work` (holding `.done`) to `dir` unless another run's complete copy is there already,
 * and removes `work` if it was not moved. A `dir` without `.done` (left by a run of an older run.mjs that extracted in
 * place) is moved aside in one rename and removed there, never removed in place.
 * @param {string} work
 * @param {string} dir
 * @returns {void}
 */
export function install(work, dir) {
  for (let attempt = 0; !existsSync(join(dir, ".done")); attempt++) {
    try {
      renameSync(work, dir); // atomic; fails if `dir` exists and is not empty
      return;
    } catch (error) {
      if (!["ENOTEMPTY", "EEXIST"].includes(/** @type {NodeJS.ErrnoException} */ (error).code ?? "")) throw error;
    }
    if (existsSync(join(dir, ".done"))) break; // another run's copy arrived first
    if (attempt > 0) throw new Error(`${dir} is neither complete nor removable; remove it and run again`);
    const aside = `${dir}.stale-${process.pid}`;
    try {
      renameSync(dir, aside);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
      continue; // another run moved it aside first
    }
    // Between the check and the rename another run may have put its complete copy there: it goes back.
    if (existsSync(join(aside, ".done"))) {
      try {
        renameSync(aside, dir);
        break;
      } catch {
        // yet another complete copy is in place: this one was never returned to anyone
      }
    }
    rmSync(aside, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
}
