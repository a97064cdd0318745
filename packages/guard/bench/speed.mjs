#!/usr/bin/env node
// org-guard speed, measured against named baselines in one run (after `pnpm build`):
//  1. a whole tree: `org-guard check` vs ESLint 10 + typescript-eslint's parser with an equivalent
//     `no-restricted-syntax` rule, on the same >= 1,000 real TypeScript files (copied from node_modules).
//  2. a commit-sized run: `org-guard check` on 20 files vs bare `node -e 0`.
// Each case is a fresh process; cases are interleaved; medians are printed with ratios.
// Usage: node bench/speed.mjs [runs=5] [files=1000]
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[2] ?? 5);
const wanted = Number(process.argv[3] ?? 1000);
const pkg = fileURLToPath(new URL("..", import.meta.url));
const workspace = join(pkg, "../..");
const bin = (name) => join(workspace, "node_modules/.bin", name);

// Real TypeScript: sources first, then declaration files, from the installed packages, in a stable order.
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && /\.(m|c)?ts$/.test(entry.name) && statSync(path).size < 200_000) out.push(path);
  }
  return out;
}
const all = collect(join(workspace, "node_modules/.pnpm"), []).sort();
const sources = all.filter((p) => !/\.d\.(m|c)?ts$/.test(p));
const files = [...sources, ...all.filter((p) => /\.d\.(m|c)?ts$/.test(p))].slice(0, wanted);
if (files.length < wanted)
  throw new Error(`only ${files.length} TypeScript files found under node_modules; run pnpm install`);

const tree = mkdtempSync(join(tmpdir(), "org-guard-bench-"));
mkdirSync(join(tree, "src"));
files.forEach((file, i) =>
  copyFileSync(
    file,
    join(
      tree,
      "src",
      `${String(i).padStart(4, "0")}-${basename(file)
        .replace(/\.d\.(m|c)?ts$/, ".d.ts")
        .replace(/\.(m|c)ts$/, ".ts")}`,
    ),
  ),
);
const timeoutName = "/^(timeout|.*Timeout|.*_timeout|timeoutMs)$/";
writeFileSync(
  join(tree, "eslint.config.mjs"),
  `import tseslint from ${JSON.stringify(join(workspace, "node_modules/typescript-eslint/dist/index.js"))};
export default [{
  files: ["**/*.ts"],
  languageOptions: { parser: tseslint.parser },
  linterOptions: { reportUnusedDisableDirectives: "off" },
  rules: { "no-restricted-syntax": ["error",
    { selector: "Property[key.name=${timeoutName}] > Literal[raw=/^[0-9]/]", message: "hardcoded timeout" },
    { selector: "Property[key.name=${timeoutName}] BinaryExpression > Literal[raw=/^[0-9]/]", message: "hardcoded timeout" },
    { selector: "AssignmentPattern[left.name=${timeoutName}] > Literal[raw=/^[0-9]/]", message: "hardcoded timeout default" },
    { selector: "CallExpression[callee.property.name=/^(timeout|waitForTimeout|setTimeout|setDefaultTimeout)$/] > Literal.arguments:first-child", message: "timeout api" },
  ] },
}];\n`,
);
// No org-guard config: the validator is loaded only when a repository has one.
// A systematic sample (every 50th file) stands for a commit better than the first 20, which are all one package.
const listing = readdirSync(join(tree, "src")).sort();
const twenty = listing
  .filter((_, i) => i % Math.floor(listing.length / 20) === 0)
  .slice(0, 20)
  .map((f) => join("src", f));
const twentyBytes = twenty.reduce((n, f) => n + statSync(join(tree, f)).size, 0);

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: tree, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return ms;
}
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const guard = join(pkg, "bin/org-guard.js");
const cases = {
  [`org-guard check (${files.length} files)`]: () =>
    time(process.execPath, [guard, "check", "src", "--format", "json"]),
  [`eslint + typescript-eslint (${files.length} files)`]: () => time(bin("eslint"), ["--format", "json", "src"]),
  [`org-guard check (20 files, ${Math.round(twentyBytes / 1024)} KiB)`]: () =>
    time(process.execPath, [guard, "check", ...twenty, "--format", "json"]),
  "node -e 0": () => time(process.execPath, ["-e", "0"]),
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
if (!process.env.KEEP_BENCH_TREE) rmSync(tree, { recursive: true, force: true });
else console.log(`kept ${tree}`);

const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const [guardTree, eslintTree, guardCommit, bare] = Object.values(m);
console.log(`median of ${runs} runs each, fresh process per run`);
for (const [name, ms] of Object.entries(m)) console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
console.log(`whole tree: eslint / org-guard = ${(eslintTree / guardTree).toFixed(1)}x (goal >= 10x)`);
console.log(`commit-sized: org-guard (20 files) / node -e 0 = ${(guardCommit / bare).toFixed(2)}x (goal < 2x)`);
