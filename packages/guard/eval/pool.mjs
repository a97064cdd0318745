#!/usr/bin/env node
// Draws the pool a blind set's packages come from: packages nobody here has looked at, in an order fixed by a seed, so
// a labeller takes rows from the top and the next session's labeller goes on where the last stopped.
//
// Usage: node eval/pool.mjs --registry npm|debian --seed text [--min-downloads n] > pool.tsv
//   npm:    /usr/share/package-lists/npm.tsv (name, version, monthly downloads), packages with at least
//           --min-downloads a month (default 1000).
//   debian: trixie's python3-* packages (main, binary-all, from deb.debian.org) that bookworm does not have, with their
//           pool filename (the corpus entry's "filename").
// Either way a package whose name is in any set of eval/corpus.json is left out, and the rest are ordered by
// sha256(seed:name). Columns: row, registry, name, version[, filename].
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values: args } = scriptArgs("eval/pool.mjs", {
  summary: "Writes the pool (TSV on stdout) a new blind set's packages are taken from, in the seed's hash order.",
  options: {
    registry: {
      type: "string",
      value: "npm|debian",
      help: "npm packages of the local list, or trixie's new python3-*",
    },
    seed: { type: "string", value: "text", help: "the order's seed (a new seed gives a new order)" },
    "min-downloads": { type: "string", default: "1000", value: "n", help: "npm: least monthly downloads" },
  },
  check: (values) =>
    !["npm", "debian"].includes(values.registry ?? "")
      ? "--registry npm or --registry debian is required"
      : !values.seed
        ? "--seed is required"
        : undefined,
});
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const seen = new Set();
for (const set of Object.values(corpus.sets))
  for (const pkg of Array.isArray(set) ? set : set.packages) seen.add(pkg.name);

/** Debian's binary-all Packages index of one release, as name -> { version, filename }. */
function debianIndex(release) {
  const text = execFileSync(
    "sh",
    ["-c", `curl -sSfL https://deb.debian.org/debian/dists/${release}/main/binary-all/Packages.xz | xz -d`],
    { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
  );
  const index = new Map();
  for (const stanza of text.split("\n\n")) {
    const field = (name) => stanza.match(new RegExp(`^${name}: (.*)$`, "m"))?.[1];
    const name = field("Package");
    if (name) index.set(name, { version: field("Version"), filename: field("Filename") });
  }
  return index;
}

let rows;
if (args.registry === "npm") {
  const min = Number(args["min-downloads"]);
  rows = readFileSync("/usr/share/package-lists/npm.tsv", "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter(([name, version, downloads]) => name && version && Number(downloads) >= min)
    .map(([name, version]) => ({ name, version }));
} else {
  const old = debianIndex("bookworm");
  rows = [...debianIndex("trixie")]
    .filter(([name]) => name.startsWith("python3-") && !old.has(name))
    .map(([name, { version, filename }]) => ({ name, version, filename }));
}
const hash = (name) => createHash("sha256").update(`${args.seed}:${name}`).digest("hex");
const pool = rows.filter((row) => !seen.has(row.name)).sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1));
for (const [i, row] of pool.entries())
  console.log([i, args.registry, row.name, row.version, ...(row.filename ? [row.filename] : [])].join("\t"));
