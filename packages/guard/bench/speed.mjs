#!/usr/bin/env node
// org-guard speed, measured against named baselines in one run (after `pnpm build`):
//  1. a whole tree: `org-guard check` vs ESLint 10 + typescript-eslint's parser with an equivalent
//     `no-restricted-syntax` rule, on the same >= 1,000 real TypeScript files (copied from node_modules), and ESLint on
//     the tree's files other than declaration files (`.d.ts`), which org-guard does not check: types only.
//  2. a commit-sized run: `org-guard check` on 20 named files (as lint-staged or pre-commit pass them),
//     and `org-guard check --staged` on the same 20 files staged in a git repository (as the husky
//     hook runs it), each vs bare `node -e 0`.
//  3. with --baseline <bin>: the commit-sized runs and the whole tree of another org-guard build (e.g. main's
//     packages/guard/bin/org-guard.js in another worktree), interleaved with this build's, so a change is judged
//     against it in the same run: CPU medians of whole-tree runs are what a speed change is measured by on a loaded
//     machine (session 17's prefilter change, -10 %), and the two builds' whole-tree JSON must be identical.
// Each case is a fresh process; cases are interleaved; medians are printed with ratios, in wall time
// and in CPU time (user + system of the child, from /proc: robust on a loaded machine, where wall
// time mostly measures the queue for a core).
// Usage: node bench/speed.mjs [--runs 5] [--files 1000] [--baseline path/to/org-guard.js] [--skip-tree]
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const { values: args } = scriptArgs("bench/speed.mjs", {
  summary: "org-guard against ESLint + typescript-eslint on a whole tree, and commit-sized runs against node -e 0.",
  options: {
    runs: { type: "string", default: "5", value: "n", help: "runs of each case (the median is printed)" },
    files: { type: "string", default: "1000", value: "n", help: "TypeScript files in the whole tree" },
    baseline: { type: "string", value: "bin", help: "another build's bin/org-guard.js, run interleaved with this one" },
    "skip-tree": { type: "boolean", default: false, help: "only the commit-sized runs" },
  },
  check: (values) =>
    ["runs", "files"].find((name) => !/^[1-9]\d*$/.test(values[name]))
      ? "--runs and --files want a whole number of at least 1"
      : values.baseline && !existsSync(values.baseline)
        ? `--baseline ${values.baseline} does not exist (give another build's packages/guard/bin/org-guard.js)`
        : undefined,
});
const runs = Number(args.runs);
const wanted = Number(args.files);
const pkg = fileURLToPath(new URL("..", import.meta.url));
const workspace = join(pkg, "../..");
const bin = (name) => join(workspace, "node_modules/.bin", name);
const baseline = args.baseline ? resolve(args.baseline) : undefined;

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
// A package: org-guard reads what its files show each other (package facts) before judging them.
writeFileSync(join(tree, "package.json"), '{ "name": "bench-tree", "private": true }\n');
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
const sourceListing = listing.filter((f) => !/\.d\.ts$/.test(f)).map((f) => join("src", f));
const twentyBytes = twenty.reduce((n, f) => n + statSync(join(tree, f)).size, 0);

// The same 20 files staged in a repository holding the whole package, for `--staged` (the hook's path: git reads
// the index; the staged files' package is read from the working tree for its facts).
const repo = join(tree, "repo");
mkdirSync(join(repo, "src"), { recursive: true });
for (const f of listing) copyFileSync(join(tree, "src", f), join(repo, "src", f));
copyFileSync(join(tree, "package.json"), join(repo, "package.json"));
const git = (...gitArgs) => execFileSync("git", gitArgs, { cwd: repo, stdio: "ignore" });
git("init", "-q");
git("add", ...twenty);

// CPU time of waited-for children (user + system), from /proc/self/stat; undefined off Linux.
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function childrenCpuMs() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond; // cutime, cstime
  } catch {
    return undefined;
  }
}

const outputs = {};
function time(command, commandArgs, cwd = tree, key = undefined) {
  const cpu = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${commandArgs.join(" ")} failed: ${result.stderr}`);
  if (key) outputs[key] = result.stdout;
  return { wall, cpu: cpu === undefined ? undefined : childrenCpuMs() - cpu };
}
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const guard = join(pkg, "bin/org-guard.js");
const size = `${Math.round(twentyBytes / 1024)} KiB`;
const cases = {};
if (!args["skip-tree"]) {
  cases.tree = [
    `org-guard check (${files.length} files)`,
    () => time(process.execPath, [guard, "check", "src", "--format", "json"], tree, "tree"),
  ];
  if (baseline)
    cases.baseTree = [
      `baseline check (${files.length} files)`,
      () => time(process.execPath, [baseline, "check", "src", "--format", "json"], tree, "baseTree"),
    ];
  cases.eslint = [
    `eslint + typescript-eslint (${files.length} files)`,
    () => time(bin("eslint"), ["--format", "json", "src"]),
  ];
  // org-guard does not check declaration files (types only, nothing runs): ESLint on the rest alone shows the ratio
  // on the files both read.
  cases.eslintSources = [
    `eslint + typescript-eslint (${sourceListing.length} non-.d.ts files)`,
    () => time(bin("eslint"), ["--format", "json", ...sourceListing]),
  ];
}
cases.commit = [
  `org-guard check (20 files, ${size})`,
  () => time(process.execPath, [guard, "check", ...twenty, "--format", "json"]),
];
cases.staged = [
  `org-guard check --staged (20 files)`,
  () => time(process.execPath, [guard, "check", "--staged", "--format", "json"], repo),
];
if (baseline) {
  cases.baseCommit = [
    `baseline check (20 files, ${size})`,
    () => time(process.execPath, [baseline, "check", ...twenty, "--format", "json"]),
  ];
  cases.baseStaged = [
    `baseline check --staged (20 files)`,
    () => time(process.execPath, [baseline, "check", "--staged", "--format", "json"], repo),
  ];
}
cases.bare = ["node -e 0", () => time(process.execPath, ["-e", "0"])];

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [key, [, run]] of Object.entries(cases)) samples[key].push(run());
if (!process.env.KEEP_BENCH_TREE) rmSync(tree, { recursive: true, force: true });
else console.log(`kept ${tree}`);

const m = Object.fromEntries(
  Object.entries(samples).map(([k, v]) => [
    k,
    { wall: median(v.map((s) => s.wall)), cpu: v[0].cpu === undefined ? undefined : median(v.map((s) => s.cpu)) },
  ]),
);
const ms = (x) => (x === undefined ? "n/a" : x.toFixed(0));
console.log(`median of ${runs} runs each, fresh process per run`);
console.log(`${"".padEnd(44)} ${"wall".padStart(8)} ${"CPU".padStart(8)}`);
for (const [key, [name]] of Object.entries(cases))
  console.log(`${name.padEnd(44)} ${ms(m[key].wall).padStart(5)} ms ${ms(m[key].cpu).padStart(5)} ms`);
const ratio = (a, b, key, digits) =>
  m[a][key] === undefined || !m[b][key] ? "n/a" : `${(m[a][key] / m[b][key]).toFixed(digits)}x`;
const both = (a, b, digits = 2) => `${ratio(a, b, "wall", digits)} wall, ${ratio(a, b, "cpu", digits)} CPU`;
if (cases.tree) {
  console.log(`whole tree: eslint / org-guard = ${both("eslint", "tree", 1)} (goal >= 10x)`);
  console.log(
    `non-.d.ts files only: eslint / org-guard = ${both("eslintSources", "tree", 1)} (org-guard skips the ` +
      `${files.length - sourceListing.length} declaration files of the tree: types only, nothing runs)`,
  );
}
console.log(`commit-sized: org-guard (20 files) / node -e 0 = ${both("commit", "bare")} (goal < 2x)`);
console.log(`commit-sized: org-guard --staged (20 files) / node -e 0 = ${both("staged", "bare")}`);
if (baseline && cases.tree) {
  console.log(`whole tree: org-guard / baseline = ${both("tree", "baseTree", 3)}`);
  // The files with findings: a baseline from before session 44 also lists the declaration files, each without one.
  const found = (json) => JSON.stringify(JSON.parse(json).filter((r) => r.messages.length > 0));
  console.log(
    `whole tree: findings ${found(outputs.tree) === found(outputs.baseTree) ? "identical" : "DIFFER"} (--format json)`,
  );
}
if (baseline) {
  console.log(`commit-sized: org-guard / baseline = ${both("commit", "baseCommit")}`);
  console.log(`commit-sized: org-guard --staged / baseline = ${both("staged", "baseStaged")}`);
  console.log(`commit-sized: baseline (20 files) / node -e 0 = ${both("baseCommit", "bare")}`);
}
