#!/usr/bin/env node
// On a branch under CI, every changed published package needs a changeset: runs
// `changeset status --since=<base>`. Skipped, with the reason printed, outside CI, on the base branch
// itself, or when the base cannot be found (a shallow or single-branch clone).
// Base: $CHANGESET_BASE, else origin/$GITHUB_BASE_REF, else origin/main, else main.
//
//   node scripts/check-changesets.mjs [--root <workspace>]   # default: this repository
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const rootAt = process.argv.indexOf("--root");
const root = rootAt === -1 ? repo : resolve(process.argv[rootAt + 1] ?? ".");
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: "pipe" }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};
const ci = process.env.CI === "true" || process.env.CI === "1";

function skip(reason) {
  console.log(`skip changeset status: ${reason}`);
  process.exit(0);
}

if (!ci) skip("not under CI=true (run `npx -y pnpm@10.34.9 changeset status --since=main` yourself)");
const candidates = [
  process.env.CHANGESET_BASE,
  process.env.GITHUB_BASE_REF && `origin/${process.env.GITHUB_BASE_REF}`,
  "origin/main",
  "main",
].filter(Boolean);
const base = candidates.find((ref) => tryGit("rev-parse", "--verify", "--quiet", `${ref}^{commit}`));
if (base === undefined) skip(`no base branch found (tried ${candidates.join(", ")}; set CHANGESET_BASE)`);
const branch = tryGit("rev-parse", "--abbrev-ref", "HEAD");
if (branch === "main" || branch === base) skip(`on the base branch ${branch}`);
if (tryGit("merge-base", base, "HEAD") === undefined) skip(`no common history with ${base} (shallow clone?)`);
if (git("rev-parse", "HEAD") === git("rev-parse", base)) skip(`HEAD is ${base}: nothing to compare`);

console.log(`changeset status --since=${base} (branch ${branch})`);
try {
  const out = execFileSync(join(repo, "node_modules/.bin/changeset"), ["status", `--since=${base}`], {
    cwd: root,
    encoding: "utf8",
    stdio: "pipe",
  });
  console.log(out.trim());
} catch (error) {
  console.log(`${error.stdout ?? ""}${error.stderr ?? error.message}`.trim());
  console.log(
    "FAIL a published package changed on this branch without a changeset: run `npx -y pnpm@10.34.9 changeset` and commit the file",
  );
  process.exitCode = 1;
}
