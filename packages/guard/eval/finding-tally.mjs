// The shared frame of the measurement scripts (unread-keys.mjs, object-reads.mjs): their command line, the findings
// file they read, and the real / false / unlabelled tallies per set they print, so the two tables cannot drift apart.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

/** `node eval/<script> <findings.txt> [--list]`: the findings file, `list`, and eval/labels.json; usage errors exit 2. */
export function measurementArgs(script) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: "boolean" } } });
  if (positionals.length !== 1) {
    console.error(`usage: node eval/${script} <findings.txt from run.mjs --findings> [--list]`);
    process.exit(2);
  }
  const labels = JSON.parse(readFileSync(new URL("labels.json", import.meta.url), "utf8"));
  return { file: positionals[0], list: values.list === true, labels };
}

/** Each finding line of a `run.mjs --findings` file as `{ set, key, message }`. */
export function* findingLines(file) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const split = line.indexOf("  -- ");
    if (split < 0) continue;
    const [set, key] = line.slice(0, split).split(" ");
    yield { set, key, message: line.slice(split + 5) };
  }
}

/** The label of a finding key as a tally column. */
export const labelOf = (labels, key) =>
  labels[key] === undefined ? "unlabelled" : labels[key].real ? "real" : "false";

/**
 * A finding key's own label (`own: true`), or else its line's under another rule or as an unflagged line, or
 * undefined: how diff-findings.mjs and sweep.mjs show a changed finding.
 */
export function lineLabelOf(labels, key) {
  if (labels[key]) return { ...labels[key], own: true };
  const line = key.replace(/:[^:]+$/, "");
  for (const other of ["no-hardcoded-timeout", "no-unbounded-timeout", "unflagged"]) {
    const label = labels[`${line}:${other}`];
    if (label) return { ...label, own: false };
  }
  return undefined;
}

/** Adds one finding with `label` to `set`'s tally in `map`. */
export function tally(map, set, label) {
  const perSet = map.get(set) ?? { real: 0, false: 0, unlabelled: 0 };
  perSet[label] += 1;
  map.set(set, perSet);
}

/** Set names in corpus order: by their letters, then by their number (fresh9 before fresh10). */
export const bySet = (a, b) => {
  const [, an = a, ad = "0"] = /^(\D+)(\d*)/.exec(a) ?? [];
  const [, bn = b, bd = "0"] = /^(\D+)(\d*)/.exec(b) ?? [];
  return an === bn ? Number(ad) - Number(bd) : an < bn ? -1 : 1;
};
export const cell = (c) => (c ? `${c.real} / ${c.false} / ${c.unlabelled}` : "0 / 0 / 0");
export const total = (map) =>
  [...map.values()].reduce(
    (a, c) => ({ real: a.real + c.real, false: a.false + c.false, unlabelled: a.unlabelled + c.unlabelled }),
    { real: 0, false: 0, unlabelled: 0 },
  );
