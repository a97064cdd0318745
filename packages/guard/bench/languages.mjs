#!/usr/bin/env node
// Python vs JavaScript throughput per MB of org-guard's checkSource (after `pnpm build`), in one
// process on one thread, both languages interleaved round by round, medians and their ratio.
// Inputs are real code nobody here wrote, found offline: JavaScript from the installed packages
// under node_modules/.pnpm, Python from the interpreter's standard library (tests excluded).
// Goal: Python within 2x of JavaScript per MB.
// Usage: node bench/languages.mjs [rounds=5] [megabytes=4]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const rounds = Number(process.argv[2] ?? 5);
const budget = Number(process.argv[3] ?? 4) * 1e6;
const pkg = fileURLToPath(new URL("..", import.meta.url));
const { checkSource, defaultGuardConfig } = await import(new URL("../dist/index.js", import.meta.url).href);

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

const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
  encoding: "utf8",
}).trim();
const sets = {
  javascript: take(
    collect(join(pkg, "../../node_modules/.pnpm"), (n) => /\.[cm]?js$/.test(n) && !n.endsWith(".min.js")),
  ),
  python: take(collect(stdlib, (n) => n.endsWith(".py"))),
};
const config = defaultGuardConfig(pkg);
async function run({ files, mb }) {
  const start = performance.now();
  for (const [path, text] of files) await checkSource(path, text, config);
  return (performance.now() - start) / mb;
}
for (const set of Object.values(sets)) await run(set); // warm-up: JIT, parser initialisation
const samples = { javascript: [], python: [] };
for (let i = 0; i < rounds; i++) for (const [name, set] of Object.entries(sets)) samples[name].push(await run(set));
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, set] of Object.entries(sets)) {
  console.log(
    `${name.padEnd(10)} ${set.files.length} files, ${set.mb.toFixed(2)} MB: median ${median(samples[name]).toFixed(0)} ms/MB`,
  );
}
const ratio = median(samples.python) / median(samples.javascript);
const ratios = samples.python.map((p, i) => (p / samples.javascript[i]).toFixed(2)).join(", ");
console.log(`python / javascript per MB = ${ratio.toFixed(2)}x (goal <= 2x; per round: ${ratios})`);
