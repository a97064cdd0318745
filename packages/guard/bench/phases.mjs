#!/usr/bin/env node
// Where a whole tree's CPU goes, phase by phase, in one process (after `pnpm build`): the scans every JavaScript file
// of a run passes through before any detector runs (`nestingBound`, the native parse, the prefilter) and the package
// pass's text scan (`candidatesIn`), each timed alone over the same files with process.cpuUsage(). On a machine loaded
// by other work, sampled profiles (`node --cpu-prof`) stretch whatever ran when the process was descheduled; the CPU
// time of one phase over thousands of files is steadier, and `--baseline` times another build's phases in the same
// process, interleaved round by round, so two builds are compared under the same load.
// Usage: node bench/phases.mjs <dir of .ts/.js files> [--rounds 5] [--baseline other/packages/guard/dist]
// (a tree: `KEEP_BENCH_TREE=1 node bench/speed.mjs --runs 1` keeps speed.mjs's and prints where; pass its `src`).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const { values: args, positionals } = scriptArgs("bench/phases.mjs", {
  summary: "CPU time of each scan a JavaScript file passes through before the detectors, per phase, over one tree.",
  positionals: "<dir of .ts/.js files>",
  options: {
    rounds: { type: "string", default: "5", value: "n", help: "rounds (the median is printed)" },
    baseline: { type: "string", value: "dist", help: "another build's dist directory, timed in the same rounds" },
  },
  check: (values, given) =>
    given.length !== 1
      ? "give one directory of .ts/.js files (KEEP_BENCH_TREE=1 node bench/speed.mjs --runs 1 keeps one: pass its src)"
      : !existsSync(given[0])
        ? `${given[0]} does not exist`
        : undefined,
});
process.env.MIMALLOC_PURGE_DELAY ??= "-1"; // as bin/org-guard.js sets it (read when the parser loads)

function collect(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (/\.(m|c)?[jt]sx?$/.test(entry.name) && statSync(path).size < 1_000_000) out.push(path);
  }
  return out;
}
const files = collect(resolve(positionals[0])).map((path) => [path, readFileSync(path, "utf8")]);
const bytes = files.reduce((n, [, text]) => n + text.length, 0);

/** A build's internal functions, by their source names, from the export list of its `cli` chunk. */
async function phasesOf(dist) {
  const chunk = readdirSync(dist).find((name) => /^cli-.*\.js$/.test(name));
  if (!chunk) throw new Error(`no cli chunk in ${dist}`);
  const text = readFileSync(join(dist, chunk), "utf8");
  const list = /export \{([^}]*)\};\s*$/.exec(text)?.[1] ?? "";
  const alias = Object.fromEntries(list.split(",").map((part) => part.trim().split(/\s+as\s+/)));
  const module = await import(join(dist, chunk));
  const get = (name) => {
    const fn = module[alias[name]];
    if (typeof fn !== "function") throw new Error(`${name} is not exported by ${chunk}`);
    return fn;
  };
  const [nestingBound, parseJavaScript, mightHoldTimeout, candidatesIn] = [
    "nestingBound",
    "parseJavaScript",
    "mightHoldTimeout",
    "candidatesIn",
  ].map(get);
  const defaults = module[alias.defaultGuardConfig];
  const config = defaults(resolve(positionals[0]));
  const ext = (path) => /\.[^.]+$/.exec(path)[0].toLowerCase();
  return {
    nestingBound: () => files.forEach(([, text]) => nestingBound(text)),
    parse: () => files.forEach(([path, text]) => parseJavaScript(path, text, ext(path)).errors),
    prefilter: () => files.forEach(([path, text]) => mightHoldTimeout(text, config, "js", /\.(m|c)?tsx?$/.test(path))),
    candidatesIn: () => candidatesIn(files.map(([, text]) => text)),
  };
}

const builds = { this: await phasesOf(fileURLToPath(new URL("../dist", import.meta.url))) };
if (args.baseline) builds.baseline = await phasesOf(resolve(args.baseline));
const samples = {};
for (let round = 0; round < Number(args.rounds); round++)
  for (const [build, phases] of Object.entries(builds))
    for (const [phase, run] of Object.entries(phases)) {
      const before = process.cpuUsage();
      run();
      const used = process.cpuUsage(before);
      (samples[`${phase} ${build}`] ??= []).push((used.user + used.system) / 1000);
    }
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} M characters; CPU ms, median of ${args.rounds} rounds`);
for (const [key, xs] of Object.entries(samples))
  console.log(`${key.padEnd(24)} ${median(xs).toFixed(0).padStart(6)}   (${xs.map((x) => x.toFixed(0)).join(", ")})`);
