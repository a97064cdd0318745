#!/usr/bin/env node
// Precision and recall of classifyCommits on labelled commit messages from public repositories
// (bench/corpus/commits.json): committed into a temp repository, classified with the default config.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyCommits, defaultProvenanceConfig } from "../dist/index.js";
import { createTestRepo } from "../dist/testing.js";

const corpus = JSON.parse(readFileSync(join(import.meta.dirname, "corpus/commits.json"), "utf8"));
const repo = createTestRepo("org-provenance-accuracy-");
try {
  const shas = repo.commits(
    corpus.map((c, i) => ({ message: c.message, author: c.author, files: { [`f${i}`]: `${i}\n` } })),
  );
  const bySha = new Map(
    (await classifyCommits({ cwd: repo.dir, config: defaultProvenanceConfig(repo.dir) })).map((c) => [c.sha, c]),
  );
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const misses = [];
  corpus.forEach((entry, i) => {
    const got = bySha.get(shas[i]).origin;
    if (got === "ai" && entry.label === "ai") tp++;
    else if (got === "ai") {
      fp++;
      misses.push(["false positive", entry]);
    } else if (entry.label === "ai") {
      fn++;
      misses.push(["missed", entry]);
    } else tn++;
  });
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`${corpus.length} labelled messages (${tp + fn} AI-assisted, ${tn + fp} human)`);
  console.log(`precision ${precision.toFixed(3)} (${tp}/${tp + fp})  recall ${recall.toFixed(3)} (${tp}/${tp + fn})`);
  for (const [what, entry] of misses) console.log(`  ${what}: ${entry.message.split("\n")[0]}  [${entry.source}]`);
} finally {
  repo.remove();
}
