#!/usr/bin/env node
// Speed of classification and blame on a generated 10,000-commit repository, against named baselines
// measured in the same run:
//   classify: `git log --format=%H` over the same commits (the floor: git walking the history), and
//             one `git interpret-trailers --parse` process per commit (the approach we refuse), timed on
//             a sample and scaled to all commits;
//   blame:    plain `git blame --porcelain -M -C` of the same file (the floor), and our blameFile on it.
// Usage: node bench/speed.mjs [--commits 10000] [--lines 2000]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { blameFile, classifyCommits, defaultProvenanceConfig } from "../dist/index.js";

const { values } = parseArgs({
  options: { commits: { type: "string", default: "10000" }, lines: { type: "string", default: "2000" } },
});
const COMMITS = Number(values.commits);
const LINES = Number(values.lines);
const dir = mkdtempSync(join(tmpdir(), "org-provenance-bench-"));
const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (args, input) => execFileSync("git", args, { cwd: dir, env, input, maxBuffer: 1 << 30, encoding: "utf8" });

function generate() {
  // One fast-import stream: every commit touches a small file; every 5th rewrites a slice of big.ts.
  const big = Array.from({ length: LINES }, (_, i) => `export const v${i} = ${i}; // initial`);
  const chunks = [];
  const start = Date.parse("2025-01-01T00:00:00Z") / 1000;
  for (let i = 0; i < COMMITS; i++) {
    const kind = i % 7;
    const author = kind === 3 ? "Dev Human (aider) <dev@example.com>" : `Dev ${i % 13} <dev${i % 13}@example.com>`;
    const trailers = [
      kind === 1 ? "Assisted-by: Claude Code" : "",
      kind === 2 ? "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>" : "",
      kind === 4 ? "AI-Assisted: no" : "",
      "Signed-off-by: Dev <dev@example.com>",
    ].filter(Boolean);
    const subject = `${kind === 0 ? "[AI-ASSISTED] " : ""}change ${i}`;
    const message = `${subject}\n\nBody of change ${i}.\n\n${trailers.join("\n")}\n`;
    const when = start + i * 600;
    const files = [[`src/f${i % 200}.ts`, `export const x = ${i};\n`]];
    if (i % 5 === 0 || i === COMMITS - 1) {
      const from = (i * 37) % LINES;
      for (let k = 0; k < 20; k++) big[(from + k) % LINES] = `export const v${(from + k) % LINES} = ${i}; // by ${i}`;
      files.push(["src/big.ts", `${big.join("\n")}\n`]);
    }
    const authorLine = `author ${author} ${when} +0000`;
    chunks.push(
      `commit refs/heads/main\nmark :${i + 1}\n${authorLine}\ncommitter Bench <bench@example.com> ${when} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}`,
      i > 0 ? `from :${i}\n` : "",
      ...files.map(([path, text]) => `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}`),
      "\n",
    );
  }
  git(["init", "-q", "-b", "main"]);
  git(["fast-import", "--quiet"], chunks.join(""));
  git(["checkout", "-q", "main"]);
}

const time = async (fn) => {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
};
const best = async (runs, fn) => {
  let min = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const r = await time(fn);
    min = Math.min(min, r.ms);
    result = r.result;
  }
  return { ms: min, result };
};

try {
  const gen = await time(generate);
  const config = defaultProvenanceConfig(dir);
  console.log(`generated ${COMMITS} commits, src/big.ts ${LINES} lines, in ${(gen.ms / 1000).toFixed(1)} s (${dir})`);

  const floor = await best(3, () => git(["log", "--format=%H"]));
  const classify = await best(3, () => classifyCommits({ cwd: dir, config }));
  const ai = classify.result.filter((c) => c.origin === "ai").length;
  const shas = classify.result.map((c) => c.sha);
  const sample = shas.slice(0, 100);
  const perProcess = await time(() => {
    for (const sha of sample) {
      const message = git(["log", "-1", "--format=%B", sha]);
      git(["interpret-trailers", "--parse"], message);
    }
  });
  const perProcessAll = (perProcess.ms / sample.length) * COMMITS;
  console.log(`classify ${classify.result.length} commits: ${classify.ms.toFixed(0)} ms (${ai} AI-assisted)`);
  console.log(
    `  baseline git log --format=%H: ${floor.ms.toFixed(0)} ms  -> ratio ${(classify.ms / floor.ms).toFixed(2)}x`,
  );
  console.log(
    `  baseline 2 processes per commit (git log -1 + interpret-trailers, ${sample.length} timed, scaled): ${perProcessAll.toFixed(0)} ms  -> ours is ${(perProcessAll / classify.ms).toFixed(0)}x faster`,
  );

  const known = new Map(classify.result.map((c) => [c.sha, c]));
  const rawBlame = await best(3, () => git(["blame", "--porcelain", "-M", "-C", "HEAD", "--", "src/big.ts"]));
  const blame = await best(3, () => blameFile({ cwd: dir, file: "src/big.ts", config }));
  const blameKnown = await best(3, () => blameFile({ cwd: dir, file: "src/big.ts", config, classifications: known }));
  const aiLines = blame.result.filter((l) => l.origin === "ai").length;
  const touching = git(["log", "--format=%H", "--", "src/big.ts"]).trim().split("\n").length;
  console.log(`blame src/big.ts (${blame.result.length} lines, ${touching} commits touch it, ${aiLines} AI lines):`);
  console.log(`  blameFile (classifies its commits itself): ${blame.ms.toFixed(0)} ms`);
  console.log(`  blameFile with classifications given:      ${blameKnown.ms.toFixed(0)} ms`);
  console.log(
    `  baseline git blame --porcelain -M -C: ${rawBlame.ms.toFixed(0)} ms  -> ratio ${(blame.ms / rawBlame.ms).toFixed(2)}x`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
