#!/usr/bin/env node
// What a detector change does beyond the sampled findings: two builds' findings, finding by finding, on every cached
// corpus package with a file whose text holds the construct the change judges (`--match`), each with its line's hand
// label. run.mjs samples a set's findings; a sweep looks at all of them in the packages a change can touch, so a change
// that drops real findings or adds false ones outside the sample is seen before it lands. Package facts are built as
// run.mjs builds them (the whole package), and `--whole` checks every file of a matched package, for changes decided on
// the package's text (a name no file reads) rather than the file's.
//
// Usage: node eval/sweep.mjs --match 'REGEX' --base <old dist> [--dist <new dist>] [--lang py|js|all] [--set a,b]
//        [--whole]
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scriptArgs, unknownSets } from "../scripts/args.mjs";
import { lineLabelOf } from "./finding-tally.mjs";
import { sourceFiles } from "./lines.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const LANGUAGES = { py: /\.py$/, js: /\.[cm]?[jt]sx?$/, all: /\.(py|[cm]?[jt]sx?)$/ };
const { values: args } = scriptArgs("eval/sweep.mjs", {
  summary:
    "Findings two org-guard builds give on the cached corpus packages that have a file matching --match, with package facts; prints the keys only one build has, with their labels.",
  options: {
    match: { type: "string", value: "regex", help: "check the files whose text matches this regular expression" },
    base: { type: "string", value: "dir", help: "the dist directory of the build before the change" },
    dist: { type: "string", value: "dir", default: "dist", help: "the dist directory of the build after the change" },
    lang: {
      type: "string",
      value: "py|js|all",
      default: "all",
      help: "which files: Python, JavaScript/TypeScript or both",
    },
    set: { type: "string", value: "a,b", help: "only these sets of eval/corpus.json (default: every set)" },
    whole: { type: "boolean", help: "check every file of a package that has a matching file" },
  },
  check: (values) => {
    if (values.match === undefined || values.base === undefined) return "--match and --base are required";
    try {
      new RegExp(values.match);
    } catch (error) {
      return `--match is not a regular expression: ${error.message}`;
    }
    if (!(values.lang in LANGUAGES)) return `--lang must be py, js or all, not "${values.lang}"`;
    for (const dir of [values.base, values.dist])
      if (!existsSync(join(dir, "index.js")))
        return `no org-guard build in "${dir}" (no index.js there); build one first`;
    return values.set === undefined ? undefined : unknownSets(corpus, values.set.split(","));
  },
});
const labels = JSON.parse(readFileSync(join(here, "labels.json"), "utf8"));
const cache = join(here, ".cache");
const match = new RegExp(args.match);
const language = LANGUAGES[args.lang];
const wanted = args.set === undefined ? undefined : new Set(args.set.split(","));
const builds = await Promise.all(
  [args.base, args.dist].map((dir) => import(pathToFileURL(resolve(dir, "index.js")).href)),
);

/** A changed key's verdict and the text shown beside it. */
function labelOf(key) {
  const label = lineLabelOf(labels, key);
  if (!label) return { verdict: "unlabelled", text: "unlabelled" };
  const verdict = label.real ? "real" : "false";
  return { verdict, text: `${label.real ? "REAL" : "false"}${label.own ? "" : " (line)"}: ${label.why.slice(0, 140)}` };
}

/** One build's finding keys on `texts` (the files to check) of package `id`, with facts from all of `all`. */
async function findings(build, id, dir, all, texts) {
  const config = build.defaultGuardConfig(cache);
  const facts = await build.packageFacts(all, config);
  const keys = new Set();
  for (const [file, text] of texts) {
    const result = await build.checkSource(file, text, config, facts);
    for (const m of result.messages) keys.add(`${id}/${relative(dir, file)}:${m.line}:${m.ruleId}`);
  }
  return keys;
}

const seen = new Set();
const changed = { added: [], removed: [] };
let packages = 0;
let files = 0;
let missing = 0;
for (const [name, set] of Object.entries(corpus.sets)) {
  if (wanted && !wanted.has(name)) continue;
  for (const pkg of Array.isArray(set) ? set : set.packages) {
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const dir = join(cache, id);
    if (!existsSync(join(dir, ".done"))) {
      missing += 1;
      continue;
    }
    const all = sourceFiles(dir)
      .filter((path) => language.test(path))
      .map((path) => [path, readFileSync(path, "utf8")]);
    const matched = all.filter(([, text]) => match.test(text));
    if (matched.length === 0) continue;
    const texts = args.whole ? all : matched;
    packages += 1;
    files += texts.length;
    process.stderr.write(`\r${packages} packages, ${files} files: ${id}`.padEnd(100).slice(0, 100));
    // One build after the other: both load the same web-tree-sitter module, and two `Parser.init()` calls at once
    // can leave one build's parser with the other's WebAssembly tables ("null function or function signature
    // mismatch" on the first Python package, session 52).
    const before = await findings(builds[0], id, dir, all, texts);
    const after = await findings(builds[1], id, dir, all, texts);
    for (const key of after) if (!before.has(key)) changed.added.push(key);
    for (const key of before) if (!after.has(key)) changed.removed.push(key);
  }
}
process.stderr.write("\n");
console.log(`${packages} packages, ${files} files checked${missing ? `; ${missing} packages not in the cache` : ""}`);
for (const [side, sign] of [
  ["added", "+"],
  ["removed", "-"],
]) {
  const keys = changed[side].sort();
  const tally = { real: 0, false: 0, unlabelled: 0 };
  const lines = keys.map((key) => {
    const label = labelOf(key);
    tally[label.verdict] += 1;
    return `${sign} ${key}  ${label.text}`;
  });
  console.log(`${side} ${keys.length} (real ${tally.real}, false ${tally.false}, unlabelled ${tally.unlabelled})`);
  for (const line of lines) console.log(line);
}
