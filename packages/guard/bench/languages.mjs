#!/usr/bin/env node
// Python vs JavaScript throughput per MB of org-guard's checkSource (after `pnpm build`), in one
// process on one thread, both languages interleaved round by round, medians and their ratio, in
// CPU time (robust on a loaded machine: other processes' work is not counted) and in wall time.
// Inputs are real code nobody here wrote, found offline: JavaScript from the installed packages
// under node_modules/.pnpm, Python from the interpreter's standard library (tests excluded); or,
// with --corpus <dir> (e.g. eval/.cache after `node eval/run.mjs`), the files of one tree.
// Also printed: the Python parse alone (tree-sitter, WebAssembly), the floor under Python's figure, as a
// ratio to JavaScript, and what Python's check adds past the parse.
// Also printed: Python with its package pass (`packageFacts` over the set as one package, then each file checked
// with the facts), as a CLI run over a Python project does it.
// Goal: Python within 2x of JavaScript per MB.
// Usage: node bench/languages.mjs [--rounds 5] [--mb 4] [--corpus dir]
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const { values: args } = scriptArgs("bench/languages.mjs", {
  summary: "Python against JavaScript throughput per MB of checkSource, one thread, interleaved rounds.",
  options: {
    rounds: { type: "string", default: "5", value: "n", help: "rounds (medians are printed)" },
    mb: { type: "string", default: "4", value: "n", help: "MB of each language" },
    corpus: { type: "string", value: "dir", help: "take both languages' files from this tree instead" },
  },
  check: (values) =>
    ["rounds", "mb"].find((name) => !/^[1-9]\d*$/.test(values[name]))
      ? "--rounds and --mb want a whole number of at least 1"
      : undefined,
});
const rounds = Number(args.rounds);
const budget = Number(args.mb) * 1e6;
const pkg = fileURLToPath(new URL("..", import.meta.url));
const { checkSource, defaultGuardConfig, packageFacts } = await import(
  new URL("../dist/index.js", import.meta.url).href
);

function collect(dir, keep, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !/^(test|tests|idle_test|__pycache__)$/.test(entry.name)) collect(path, keep, out);
    else if (entry.isFile() && keep(entry.name) && statSync(path).size < 200_000) out.push(path);
  }
  return out;
}
function take(paths) {
  const files = [];
  let bytes = 0;
  for (const path of paths) {
    if (bytes >= budget) break;
    const text = readFileSync(path, "utf8");
    files.push([path, text]);
    bytes += Buffer.byteLength(text);
  }
  return { files, mb: bytes / 1e6 };
}

const isJs = (n) => /\.[cm]?js$/.test(n) && !n.endsWith(".min.js");
const isPy = (n) => n.endsWith(".py");
const stdlib = () =>
  execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
    encoding: "utf8",
  }).trim();
const sets = args.corpus
  ? { javascript: take(collect(args.corpus, isJs)), python: take(collect(args.corpus, isPy)) }
  : { javascript: take(collect(join(pkg, "../../node_modules/.pnpm"), isJs)), python: take(collect(stdlib(), isPy)) };

const config = defaultGuardConfig(pkg);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function run({ files, mb }) {
  const cpu = cpuMs();
  const wall = performance.now();
  for (const [path, text] of files) await checkSource(path, text, config);
  return { cpu: (cpuMs() - cpu) / mb, wall: (performance.now() - wall) / mb };
}
// The package pass first, then each file with the facts.
async function runWithFacts({ files, mb }) {
  const cpu = cpuMs();
  const wall = performance.now();
  const facts = await packageFacts(files, config);
  for (const [path, text] of files) await checkSource(path, text, config, facts);
  return { cpu: (cpuMs() - cpu) / mb, wall: (performance.now() - wall) / mb };
}
// The parse alone, with the parser org-guard uses: what no change to the detectors can win back.
const require = createRequire(import.meta.url);
const { Parser, Language } = await import(require.resolve("web-tree-sitter"));
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm")));
function parseOnly({ files, mb }) {
  const cpu = cpuMs();
  const wall = performance.now();
  for (const [, text] of files) parser.parse(text)?.delete();
  return { cpu: (cpuMs() - cpu) / mb, wall: (performance.now() - wall) / mb };
}

for (const set of Object.values(sets)) await run(set); // warm-up: JIT, parser initialisation
parseOnly(sets.python);
await runWithFacts(sets.python);
const samples = { javascript: [], python: [], "python+facts": [], "python parse": [] };
for (let i = 0; i < rounds; i++) {
  samples.javascript.push(await run(sets.javascript));
  samples.python.push(await run(sets.python));
  samples["python+facts"].push(await runWithFacts(sets.python));
  samples["python parse"].push(parseOnly(sets.python));
}
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const of = (name, key) => median(samples[name].map((s) => s[key]));
const described = { ...sets, "python+facts": sets.python, "python parse": sets.python };
console.log(`median of ${rounds} rounds, one thread, ${args.corpus ?? "node_modules JS vs Python stdlib"}`);
for (const [name, set] of Object.entries(described)) {
  console.log(
    `${name.padEnd(13)} ${String(set.files.length).padStart(5)} files ${set.mb.toFixed(2)} MB: ` +
      `${of(name, "cpu").toFixed(0).padStart(5)} ms/MB CPU ${of(name, "wall").toFixed(0).padStart(5)} ms/MB wall`,
  );
}
for (const key of ["cpu", "wall"]) {
  const ratios = samples.python.map((p, i) => (p[key] / samples.javascript[i][key]).toFixed(2)).join(", ");
  console.log(
    `python / javascript per MB (${key.padEnd(4)}) = ${(of("python", key) / of("javascript", key)).toFixed(2)}x (goal <= 2x; per round: ${ratios})`,
  );
}
console.log(
  `python with its package pass / javascript per MB (cpu ) = ${(of("python+facts", "cpu") / of("javascript", "cpu")).toFixed(2)}x (goal <= 2x)`,
);
// The margin: how much of the ratio is the parse alone (no detector change can go below it), and
// what the rest of Python's check (syntax check, prefilter, node scan, detectors, freeing the tree) adds.
const floor = of("python parse", "cpu") / of("javascript", "cpu");
const past = of("python", "cpu") - of("python parse", "cpu");
console.log(
  `python parse / javascript per MB (cpu ) = ${floor.toFixed(2)}x (the floor); ` +
    `past the parse: ${past.toFixed(0)} ms/MB CPU, ${((100 * past) / of("python", "cpu")).toFixed(0)} % of Python's time`,
);
