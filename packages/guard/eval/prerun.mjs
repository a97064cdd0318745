#!/usr/bin/env node
// After a blind set's first run: gives each finding its line's pre-run label, so a finding is judged by what the
// labeller wrote before any checker run and never by the finding itself. A line labelled not real makes every finding
// on it not real; a line labelled real makes a finding of the label's rule real. A finding of the other rule on a real
// line, and a finding on a line that has no label, are listed for labelling at the code (`post-run: ` in their `why`).
//
// Usage: node eval/prerun.mjs findings.txt [--write]   (findings.txt from `run.mjs --set <set> --findings`)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const { values: args, positionals } = scriptArgs("eval/prerun.mjs", {
  summary:
    "Labels each finding of a run.mjs --findings file from its line's pre-run label; lists the findings left to label.",
  positionals: "findings.txt",
  options: { write: { type: "boolean", help: "write the labels into eval/labels.json (otherwise only report)" } },
  check: (_values, positionals) => (positionals.length === 1 ? undefined : "one findings file is required"),
});
const here = fileURLToPath(new URL(".", import.meta.url));
const labelsFile = join(here, "labels.json");
const labels = JSON.parse(readFileSync(labelsFile, "utf8"));
const keys = readFileSync(positionals[0], "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split(" ")[1]);
let given = 0;
const left = [];
for (const key of keys) {
  if (labels[key]) continue;
  const rule = key.slice(key.lastIndexOf(":") + 1);
  const line = labels[`${key.slice(0, key.lastIndexOf(":"))}:unflagged`];
  const lineRule = line?.rule ?? "no-hardcoded-timeout";
  if (line && (!line.real || lineRule === rule)) {
    labels[key] = { real: line.real, why: `pre-run label: ${line.why}`, rule };
    given += 1;
  } else left.push(`${key}${line ? ` (line labelled real under ${lineRule})` : " (line not labelled)"}`);
}
console.log(`${keys.length} findings, ${given} labelled from their line's pre-run label, ${left.length} left:`);
for (const key of left) console.log(`  ${key}`);
// Sorted by key, as the file is kept, so a set's labels land together and a merge touches only its own lines.
const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
if (args.write && given) writeFileSync(labelsFile, `${JSON.stringify(sorted, null, 2)}\n`);
else if (given) console.log("(dry run: --write writes them)");
