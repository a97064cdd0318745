// The shared package cache's one write: a fetched package moves into place whole, and a complete copy is never removed
// in place: a copy in the way is moved aside in one rename and removed there, and a complete one found aside goes back.
// Several runs (every engineer's, on one machine) fetch into eval/.cache at once; each extracts into a directory of its
// own (`<dir>.partial-<pid>`) and then calls `install`. A run reads a package's files after `install` returns, so a
// directory holding `.done` is left alone by every other run: removing it, even to put an identical copy in its place,
// pulled the files from under a run reading them (two runs raced on one package).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
// Some tarballs make tar warn once per entry (unknown extended header keywords): far past execFile's 1 MB default
// buffer (ENOBUFS, session 31: arcgis, ngmap). The warnings are dropped; an error still throws.
const QUIET = { maxBuffer: 256 * 1024 * 1024 };

/** @typedef {{ registry: "npm" | "pypi" | "debian", name: string, version: string, filename?: string }} Pinned */

/** A pinned package's directory in `cache` (complete when it holds `.done`). */
export const packageDir = (cache, { name, version }) => join(cache, `${name}@${version}`);

/**
 * Fetches one pinned package into `cache` unless it is there: `npm pack`, `pip download --no-deps`, or for
 * `"registry": "debian"` its `.deb` (`apt-get download`, or with a pool `filename` straight from deb.debian.org).
 * Fetched into a private folder and renamed into place when complete, so two runs sharing one cache (several
 * worktrees linking the same `.cache`) never read or extract a half-written package.
 * @param {string} cache
 * @param {Pinned} pkg
 * @returns {Promise<string>} the package's directory
 */
export async function fetchPackage(cache, pkg) {
  const { registry, name, version, filename } = pkg;
  const dir = packageDir(cache, pkg);
  if (existsSync(join(dir, ".done"))) return dir;
  const work = `${dir}.partial-${process.pid}-${name.replace(/\W/g, "_")}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  if (registry === "npm") {
    await run("npm", ["pack", `${name}@${version}`, "--silent", "--pack-destination", work]);
    // The tarball is found in `work`, not read from npm's output: npm masks what looks like a secret in what it prints
    // (a UUID in @codingame/monaco-vscode-407531d3-...-common's file name printed as `***`).
    const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error(`npm pack ${name}@${version} produced no tarball`);
    await extractTarball(join(work, tgz), work);
  } else if (registry === "debian") {
    // Debian's python3-* packages: upstream Python code nobody here wrote, pinned by Debian version.
    if (filename)
      await run(
        "curl",
        ["-sSfL", "-o", filename.split("/").at(-1) ?? "", `https://deb.debian.org/debian/${filename}`],
        {
          cwd: work,
        },
      );
    else await run("apt-get", ["download", "-q", "-o", "APT::Sandbox::User=root", `${name}=${version}`], { cwd: work });
    const deb = readdirSync(work).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error(`apt-get download ${name}=${version} produced no .deb`);
    await run("dpkg-deb", ["-x", join(work, deb), join(work, "src")]);
    rmSync(join(work, deb));
  } else {
    await run("pip", ["download", `${name}==${version}`, "--no-deps", "-q", "-d", work]);
    const archive = readdirSync(work).find((f) => f.endsWith(".whl") || f.endsWith(".tar.gz"));
    if (!archive) throw new Error(`pip download ${name}==${version} produced no archive`);
    if (archive.endsWith(".whl")) await run("python3", ["-m", "zipfile", "-e", join(work, archive), join(work, "src")]);
    else await extractTarball(join(work, archive), work);
  }
  return finish(work, dir);
}

/** Extracts an npm tarball (or an sdist) into `work`. */
export async function extractTarball(tarball, work) {
  await run("tar", ["xzf", tarball, "-C", work], QUIET);
}

/** Marks `work` complete and moves it into place; returns the package's directory. */
export function finish(work, dir) {
  writeFileSync(join(work, ".done"), "");
  install(work, dir);
  return dir;
}

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
