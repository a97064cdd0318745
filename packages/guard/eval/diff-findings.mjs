#!/usr/bin/env node
// What a checker change did to the findings of the whole corpus: the keys only one of two `run.mjs --findings` files
// has, each with its line's hand label where there is one (the key's own, or the same line's under another rule or as
// an unflagged line), and a tally of lost real, dropped false and new findings.
//
// Usage: node eval/diff-findings.mjs before.txt after.txt
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lineLabelOf } from "./finding-tally.mjs";

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error("usage: node eval/diff-findings.mjs before.txt after.txt (two run.mjs --findings files)");
  process.exit(2);
}
const here = fileURLToPath(new URL(".", import.meta.url));
const labels = JSON.parse(readFileSync(join(here, "labels.json"), "utf8"));
/** key -> "set key -- message" */
const read = (file) =>
  new Map(
    readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.split(" ")[1], line]),
  );
const before = read(beforeFile);
const after = read(afterFile);
const labelOf = (key) => lineLabelOf(labels, key);
const show = (key, text) => {
  const label = labelOf(key);
  const verdict = label ? `${label.real ? "REAL" : "false"}${label.own ? "" : " (line)"}: ${label.why}` : "unlabelled";
  return `  ${text}\n      ${verdict}`;
};
const tally = { removedReal: 0, removedFalse: 0, removedUnknown: 0, added: 0, addedReal: 0, addedFalse: 0 };
console.log("removed:");
for (const [key, text] of before) {
  if (after.has(key)) continue;
  const label = labelOf(key);
  if (!label) tally.removedUnknown++;
  else if (label.real) tally.removedReal++;
  else tally.removedFalse++;
  console.log(show(key, text));
}
console.log("added:");
for (const [key, text] of after) {
  if (before.has(key)) continue;
  tally.added++;
  const label = labelOf(key);
  if (label?.real) tally.addedReal++;
  else if (label) tally.addedFalse++;
  console.log(show(key, text));
}
console.log(
  `\nremoved ${tally.removedReal + tally.removedFalse + tally.removedUnknown}: ${tally.removedReal} labelled real ` +
    `(lost), ${tally.removedFalse} labelled false, ${tally.removedUnknown} unlabelled; added ${tally.added}: ` +
    `${tally.addedReal} labelled real, ${tally.addedFalse} labelled false, ` +
    `${tally.added - tally.addedReal - tally.addedFalse} unlabelled`,
);
