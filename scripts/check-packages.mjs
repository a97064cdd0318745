#!/usr/bin/env node
// What each published package's tarball holds, checked after the build: README, LICENSE and (once
// released) CHANGELOG inside; no source maps carrying their sources; the unpacked size within its
// budget, printed; and @arethetypeswrong/cli clean. publint runs in each package's `lint`.
//
// attw runs with the esm-only profile: the packages are ESM with "engines": { "node": ">=20.19" },
// where require() of ESM works natively; scripts/check-registry.mjs proves CommonJS require() and
// TypeScript's nodenext resolution from a CommonJS project on the installed packages.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { workspaceManifests } from "./release-policy.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const exec = promisify(execFile);

/** Unpacked-size budgets in kB. A new package gets the default until it needs a reason to grow. */
const BUDGET_KB = {
  "@org/config": 400, // bundles zod (one pre-linked file halves its cold import; bench/import-cost.mjs)
  "@org/guard": 400, // bundles zod and picomatch (commit-sized runs; bench/speed.mjs) and a worker entry
  default: 150,
};

const packages = workspaceManifests(root)
  .map((dir) => ({ dir: join(root, dir), manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => !manifest.private);
const out = mkdtempSync(join(tmpdir(), "org-pack-"));
const attw = join(root, "node_modules/.bin/attw");
let failures = 0;
const rows = [];
try {
  // In parallel: most of the time is attw building a TypeScript program per package.
  await Promise.all(packages.map(checkPackage));
} finally {
  rmSync(out, { recursive: true, force: true });
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const header = ["package", "files", "packed", "unpacked", "budget", "index.d.ts lines", "result"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows])
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
console.log(`package check: ${failures === 0 ? "passed" : `${failures} failed`}`);
process.exitCode = failures === 0 ? 0 : 1;

async function checkPackage({ dir, manifest }) {
  const problems = [];
  const { stdout } = await exec("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", out], {
    cwd: dir,
    maxBuffer: 1 << 26,
  });
  const [pack] = JSON.parse(stdout);
  const files = pack.files.map((f) => f.path);
  for (const required of ["package.json", "README.md", "LICENSE"]) {
    if (!files.includes(required)) problems.push(`${required} is not in the tarball`);
  }
  if (manifest.version !== "0.0.0" && !files.includes("CHANGELOG.md"))
    problems.push("CHANGELOG.md is not in the tarball");
  for (const map of files.filter((f) => f.endsWith(".map"))) {
    const sources = JSON.parse(readFileSync(join(dir, map), "utf8")).sourcesContent;
    if (sources?.some(Boolean)) problems.push(`${map} carries sourcesContent (the whole source, again)`);
  }
  for (const stray of files.filter((f) => /(^|\/)(test|bench|src)\/|\.test\.|tsconfig|tsdown\.config/.test(f))) {
    problems.push(`${stray} is published (only dist, bin and the docs files belong in "files")`);
  }
  const unpackedKb = pack.unpackedSize / 1024;
  const budget = BUDGET_KB[manifest.name] ?? BUDGET_KB.default;
  if (unpackedKb > budget) problems.push(`unpacked ${unpackedKb.toFixed(1)} kB is over its ${budget} kB budget`);

  const types = await exec(attw, [join(out, pack.filename), "--profile", "esm-only", "--format", "json"], {
    maxBuffer: 1 << 26,
  }).catch((error) => error);
  const report = JSON.parse(types.stdout || "{}");
  // The esm-only profile: CommonJS-from-node16 and node10 resolutions are not ours to satisfy (see top).
  const attwProblems = (
    report.analysis?.problems ?? [{ kind: `attw did not run: ${types.stderr ?? types.message}` }]
  ).filter((problem) => !["node10", "node16-cjs"].includes(problem.resolutionKind));
  for (const problem of attwProblems) {
    problems.push(`attw: ${problem.kind}${problem.entrypoint ? ` (${problem.entrypoint})` : ""}`);
  }

  const dts = pack.files
    .filter((f) => f.path.endsWith("index.d.ts"))
    .map((f) => readFileSync(join(dir, f.path), "utf8").split("\n").length)[0];
  rows.push([
    manifest.name,
    String(pack.entryCount),
    `${(pack.size / 1024).toFixed(1)} kB`,
    `${unpackedKb.toFixed(1)} kB`,
    `${budget} kB`,
    String(dts ?? "-"),
    problems.length === 0 ? "ok" : "FAIL",
  ]);
  for (const problem of problems) console.log(`FAIL ${manifest.name}: ${problem}`);
  failures += problems.length;
}
