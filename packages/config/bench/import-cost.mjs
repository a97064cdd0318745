#!/usr/bin/env node
// Cold import cost of @org/config against bare Node, in one run: each case is a fresh
// process, cases interleaved so machine noise hits them alike. Prints medians and ratios.
// Usage: node bench/import-cost.mjs [runs]   (after `pnpm build`)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[2] ?? 30);
const cwd = fileURLToPath(new URL("..", import.meta.url));
const cases = {
  "bare node (node -e 0)": ["-e", "0"],
  'import("@org/config")': ["--input-type=module", "-e", 'await import("@org/config")'],
  "import + first config.TIMEOUT": [
    "--input-type=module",
    "-e",
    'const { config } = await import("@org/config"); config.TIMEOUT',
  ],
};
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, env: { PATH: process.env.PATH } });
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = median(samples["bare node (node -e 0)"]);
console.log(`cold start, median of ${runs} fresh processes each`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(32)} ${m.toFixed(1).padStart(7)} ms  ${(m / baseline).toFixed(2)}x bare  (+${(m - baseline).toFixed(1)} ms)`,
  );
}
