#!/usr/bin/env node
// org-guard on real third-party code: precision and recall from hand labels (after `pnpm build`).
//
// 1. Fetches the pinned packages of eval/corpus.json (`npm pack`, `pip download --no-deps`, or for
//    `"registry": "debian"` a Debian package's `.deb` by `apt-get download name=version`, e.g. `python3-paramiko`, or
//    with a `"filename"` (a pool path such as `pool/main/p/pyvicare/python3-pyvicare_2.44.0-1_all.deb`, for releases
//    newer than the host's) straight from deb.debian.org) into
//    eval/.cache (gitignored; needs the network once, so it is not part of `pnpm test`). A set is a list of
//    packages, or `{ "sample": { ... }, "packages": [ ... ] }` to draw larger samples than the global `sample`.
// 2. Runs org-guard's checkSource on every JS/TS/Python file (no .d.ts, no .min.js) and times it per language.
// 3. Draws a seeded sample: per set, per language and rule, the findings with the lowest hash of
//    (seed, key); per language, the same for "timeout-looking" lines without a finding. A key is
//    `package@version/path:line:rule`, so a sample stays put while the checker changes.
// 4. Reads the hand labels of eval/labels.json (`real`: the line is a hardcoded or unbounded
//    timeout, library defaults included; `why`: one line) and prints precision per rule and language,
//    and recall estimated as TP / (TP + misses), both scaled from the samples to the full counts.
//
// Usage: node eval/run.mjs [--set tuning|heldout|...] [--unlabelled out.txt] [--errors] [--findings out.txt] [--dist dir]
//                          [--reserve n]
//   --errors lists the sampled false positives and misses with their labels.
//   --unlabelled writes every sampled item that has no label yet, with context, for labelling.
//   --findings writes every finding (key and message), sorted: diff two runs to see what a change did. A key with
//     several findings (one line, one rule) gives each one's message, in column order, joined by ` | `.
//   --dist measures another org-guard build (a `dist` directory) instead of this package's.
//   --reserve n (with --unlabelled) also writes, for labelling ahead of a checker change, the unlabelled items
//     of the next n findings per stratum and of the first (sample size) + n timeout-looking lines per language in hash
//     order, flagged or not (a line flagged now enters the unflagged sample if a fix drops its finding).
//     The measured sample does not change.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scriptArgs, unknownSets } from "../scripts/args.mjs";
import { fetchPackage } from "./fetched.mjs";
import { looksTimeoutish, sourceFiles } from "./lines.mjs";
import { sampler } from "./sample.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const cache = join(here, ".cache");
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const labels = JSON.parse(readFileSync(join(here, "labels.json"), "utf8"));
const { values: args } = scriptArgs("eval/run.mjs", {
  summary: "Precision and recall of org-guard (the built dist) on the pinned real-world packages of eval/corpus.json.",
  options: {
    set: { type: "string", value: "name", help: "measure only this set of eval/corpus.json (default: every set)" },
    unlabelled: { type: "string", value: "file", help: "write every sampled item that has no label yet, with context" },
    errors: { type: "boolean", help: "list the sampled false positives and misses with their labels" },
    findings: { type: "string", value: "file", help: "write every finding (key and message), sorted, for diffing" },
    dist: { type: "string", value: "dir", help: "measure another org-guard build's dist directory" },
    reserve: {
      type: "string",
      value: "n",
      help: "with --unlabelled, also the next n unlabelled items per stratum, for labelling ahead",
    },
  },
  check: (values) =>
    (values.set === undefined ? undefined : unknownSets(corpus, [values.set])) ??
    (values.reserve !== undefined && !/^\d+$/.test(values.reserve)
      ? `--reserve wants a whole number of items, not "${values.reserve}"`
      : undefined),
});
const dist = args.dist
  ? pathToFileURL(join(resolve(args.dist), "index.js"))
  : new URL("../dist/index.js", import.meta.url);
const { checkSource, defaultGuardConfig, packageFacts, pythonPackageFacts } = await import(dist.href);
/**
 * The package's facts as the CLI builds them: one call for both languages (builds before it returned the Python part
 * from `pythonPackageFacts` and the JS part synchronously; older builds have neither).
 */
async function factsOf(files, config) {
  if (!pythonPackageFacts) return packageFacts?.(files, config);
  const js = packageFacts(
    files.filter(([path]) => !path.endsWith(".py")),
    config,
  );
  const python = await pythonPackageFacts(
    files.filter(([path]) => path.endsWith(".py")),
    config,
  );
  return python ? { ...js, python } : js;
}

const RULES = ["no-hardcoded-timeout", "no-unbounded-timeout"];
const LANGUAGES = ["js", "python"];
// A set is a package list, or { sample, packages } with its own sample sizes (the global ones by default).
const packagesOf = (setName) => {
  const set = corpus.sets[setName];
  return Array.isArray(set) ? set : set.packages;
};
const { sampleOf, lowest, breadthFirst } = sampler(corpus);
// Per package: sampled rate times the package's own count, so a breadth-first sample still estimates the
// whole pool (every package with items is sampled when there are fewer packages than the sample size).
function weighted(pool, labelled, isHit) {
  let total = 0;
  let hits = 0;
  const packages = new Set(pool.map((x) => x.pkg));
  const sampled = new Set(labelled.map((x) => x.pkg));
  for (const pkg of sampled) {
    const mine = labelled.filter((x) => x.pkg === pkg);
    const count = pool.filter((x) => x.pkg === pkg).length;
    total += count;
    hits += (count * mine.filter(isHit).length) / mine.length;
  }
  return { rate: total ? hits / total : Number.NaN, sampled: sampled.size, packages: packages.size };
}

function evaluateSet(setName) {
  const config = defaultGuardConfig(cache);
  const findings = [];
  const unflagged = [];
  const lookalikes = []; // timeout-looking lines that have a finding (for --reserve)
  const stats = {
    files: { js: 0, python: 0 },
    bytes: { js: 0, python: 0 },
    ms: { js: 0, python: 0 },
    crashes: [],
    unfetched: [],
  };
  const perPackage = [];
  return (async () => {
    for (const pkg of packagesOf(setName)) {
      let dir;
      try {
        dir = await fetchPackage(cache, pkg);
      } catch (error) {
        // A package the registry does not serve this time (session 35: apt answered "Version ... was not found" for 6
        // bookworm security updates, then served them 20 minutes later): the set is measured without it and says so,
        // rather than the whole run dying on one package.
        const reason = String(error.stderr || error.message)
          .trim()
          .split("\n")
          .at(-1);
        stats.unfetched.push(`${pkg.registry} ${pkg.name}@${pkg.version}: ${reason}`);
        continue;
      }
      const files = sourceFiles(dir);
      perPackage.push(`${pkg.name}@${pkg.version} (${files.length} files)`);
      // As the CLI does: what the package's files show each other, timed with the files of the package's language (a
      // package of both splits the time by their bytes).
      const texts = files.map((path) => [path, readFileSync(path, "utf8")]);
      const factsStarted = performance.now();
      // As the CLI does (`packages.ts`): a package pass that throws is a crash to report, and the files are still checked.
      let facts;
      try {
        facts = await factsOf(texts, config);
      } catch (error) {
        stats.crashes.push(`${pkg.name}@${pkg.version}: package pass: ${error.message}`);
      }
      const factsMs = performance.now() - factsStarted;
      const pythonBytes = texts.reduce((sum, [path, text]) => sum + (path.endsWith(".py") ? text.length : 0), 0);
      const share =
        pythonBytes /
        Math.max(
          1,
          texts.reduce((sum, [, text]) => sum + text.length, 0),
        );
      stats.ms.python += factsMs * share;
      stats.ms.js += factsMs * (1 - share);
      for (const [file, text] of texts) {
        const language = file.endsWith(".py") ? "python" : "js";
        const id = `${pkg.name}@${pkg.version}`;
        const rel = `${id}/${relative(dir, file)}`;
        const started = performance.now();
        let result;
        try {
          result = await checkSource(file, text, config, facts);
        } catch (error) {
          stats.crashes.push(`${rel}: ${error.message}`);
          continue;
        } finally {
          stats.ms[language] += performance.now() - started;
          stats.files[language] += 1;
          stats.bytes[language] += Buffer.byteLength(text);
        }
        const lines = text.split("\n");
        const flaggedLines = new Set();
        const fileFindings = new Map(); // this file's findings by key
        for (const m of result.messages) {
          if (m.ruleId === "internal-error") stats.crashes.push(`${rel}:${m.line}: ${m.message}`);
          if (!RULES.includes(m.ruleId)) continue;
          flaggedLines.add(m.line);
          const key = `${rel}:${m.line}:${m.ruleId}`;
          // A label judges a line; a line may hold several findings of one rule (`f(timeout = 750, maxWaitTime =
          // 5000)`), each naming its own literal. The key keeps every one's message, in column order, so the one
          // that bounds the wait is shown, not only the line's first.
          const same = fileFindings.get(key);
          if (same) same.message += ` | ${m.message}`;
          else {
            const finding = { key, pkg: id, language, rule: m.ruleId, message: m.message, file, line: m.line, lines };
            fileFindings.set(key, finding);
            findings.push(finding);
          }
        }
        lines.forEach((line, index) => {
          if (!looksTimeoutish(line, language)) return;
          const item = { key: `${rel}:${index + 1}:unflagged`, pkg: id, language, file, line: index + 1, lines };
          (flaggedLines.has(index + 1) ? lookalikes : unflagged).push(item);
        });
      }
    }
    return { findings, unflagged, lookalikes, stats, perPackage };
  })();
}

function context(item) {
  const from = Math.max(0, item.line - 4);
  const shown = item.lines.slice(from, item.line + 2).map((text, i) => {
    const n = from + i + 1;
    return `${n === item.line ? ">" : " "}${String(n).padStart(5)} | ${text.slice(0, 200)}`;
  });
  return [`## ${item.key}${item.message ? `  -- ${item.message}` : ""}`, ...shown].join("\n");
}

const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "n/a");
const unlabelledOut = [];
const findingsOut = [];
const reserve = Number(args.reserve ?? 0);
const reserveOut = [];
/** Sets measured without some of their packages (`INCOMPLETE` in their output), named again at the end. */
const unfetchedSets = [];

for (const setName of args.set ? [args.set] : Object.keys(corpus.sets)) {
  const { findings, unflagged, lookalikes, stats, perPackage } = await evaluateSet(setName);
  const sizes = sampleOf(setName);
  const draw = sizes.breadthFirst ? breadthFirst : lowest;
  const weightedOut = [];
  for (const f of findings) findingsOut.push(`${setName} ${f.key}  -- ${f.message}`);
  console.log(`\n=== ${setName}: ${perPackage.join(", ")}`);
  for (const language of LANGUAGES) {
    const mb = stats.bytes[language] / 1e6;
    console.log(
      `${language.padEnd(6)} ${stats.files[language]} files, ${mb.toFixed(2)} MB, ${stats.ms[language].toFixed(0)} ms in checkSource (${mb > 0 ? `${(stats.ms[language] / mb).toFixed(0)} ms/MB` : "no files"}, one warm thread)`,
    );
  }
  console.log(`crashes / internal errors: ${stats.crashes.length}${stats.crashes.map((c) => `\n  ${c}`).join("")}`);
  if (stats.unfetched.length > 0) {
    const list = stats.unfetched.map((u) => `\n  ${u}`).join("");
    console.log(`INCOMPLETE: ${stats.unfetched.length} package(s) could not be fetched; measured without them:${list}`);
    unfetchedSets.push(setName);
  }

  const missRates = {};
  for (const language of LANGUAGES) {
    const pool = unflagged.filter((u) => u.language === language);
    const sample = draw(pool, sizes.unflaggedPerLanguage);
    const labelled = sample.filter((u) => labels[u.key]);
    if (args.errors)
      for (const u of labelled.filter((x) => labels[x.key].real))
        console.log(`  miss: ${u.key} (${labels[u.key].why})`);
    sample.filter((u) => !labels[u.key]).forEach((u) => unlabelledOut.push(context(u)));
    if (reserve)
      draw([...pool, ...lookalikes.filter((u) => u.language === language)], sample.length + reserve)
        .filter((u) => !labels[u.key] && !sample.includes(u))
        .forEach((u) => reserveOut.push(context(u)));
    for (const rule of RULES) {
      const misses = labelled.filter((u) => labels[u.key].real && (labels[u.key].rule ?? RULES[0]) === rule).length;
      const isMiss = (u) => labels[u.key].real && (labels[u.key].rule ?? RULES[0]) === rule;
      missRates[`${language}/${rule}`] = {
        weighted: weighted(pool, labelled, isMiss),
        rate: labelled.length ? misses / labelled.length : 0,
        misses,
        pool: pool.length,
        labelled: labelled.length,
      };
    }
  }
  console.log(
    `\n${"language/rule".padEnd(30)} findings  sampled  true  precision   | unflagged sampled misses  recall`,
  );
  const totals = { tp: 0, f: 0, fn: 0 };
  for (const language of LANGUAGES) {
    for (const rule of RULES) {
      const pool = findings.filter((f) => f.language === language && f.rule === rule);
      const sample = draw(pool, sizes.findingsPerStratum);
      sample.filter((f) => !labels[f.key]).forEach((f) => unlabelledOut.push(context(f)));
      if (reserve)
        draw(pool, sample.length + reserve)
          .slice(sample.length)
          .filter((f) => !labels[f.key])
          .forEach((f) => reserveOut.push(context(f)));
      const labelled = sample.filter((f) => labels[f.key]);
      if (args.errors)
        for (const f of labelled.filter((x) => !labels[x.key].real))
          console.log(`  false positive: ${f.key} (${labels[f.key].why})`);
      const trues = labelled.filter((f) => labels[f.key].real).length;
      const precision = labelled.length ? trues / labelled.length : Number.NaN;
      const miss = missRates[`${language}/${rule}`];
      const estTp = (labelled.length ? precision : 1) * pool.length;
      const estFn = miss.rate * miss.pool;
      totals.tp += estTp;
      totals.fn += estFn;
      totals.f += pool.length;
      if (sizes.breadthFirst) {
        const w = weighted(pool, labelled, (f) => labels[f.key].real);
        const wTp = (Number.isFinite(w.rate) ? w.rate : 1) * pool.length;
        const wFn = miss.weighted.rate * miss.pool;
        weightedOut.push(
          `${`${language}/${rule}`.padEnd(30)} precision ${pct(w.rate).padStart(7)} (${w.sampled} of ${w.packages} packages sampled)   recall ${pct(wTp / (wTp + wFn)).padStart(7)} (${miss.weighted.sampled} of ${miss.weighted.packages} packages sampled)`,
        );
      }
      console.log(
        `${`${language}/${rule}`.padEnd(30)} ${String(pool.length).padStart(8)} ${String(labelled.length).padStart(8)}${labelled.length < sample.length ? "*" : " "} ${String(trues).padStart(4)}  ${pct(precision).padStart(9)}   | ${String(miss.pool).padStart(9)} ${String(miss.labelled).padStart(7)} ${String(miss.misses).padStart(6)}  ${pct(estTp / (estTp + estFn)).padStart(7)}`,
      );
    }
  }
  console.log(
    `${"all".padEnd(30)} ${String(totals.f).padStart(8)}                 ${pct(totals.tp / totals.f).padStart(9)}   |                          ${pct(totals.tp / (totals.tp + totals.fn)).padStart(7)}`,
  );
  console.log("(* = some sampled items are unlabelled; run with --unlabelled <file> to list them)");
  if (weightedOut.length)
    console.log(`\nbreadth-first sample, each package's rate weighted by its own count:\n${weightedOut.join("\n")}`);
}

if (args.findings) {
  writeFileSync(args.findings, findingsOut.sort().join("\n") + "\n");
  console.log(`\n${findingsOut.length} findings written to ${args.findings}`);
}

if (args.unlabelled) {
  const reserveText = reserveOut.length
    ? `\n\n# reserve (not in the measured sample)\n\n${reserveOut.join("\n\n")}`
    : "";
  writeFileSync(args.unlabelled, unlabelledOut.join("\n\n") + reserveText + "\n");
  console.log(`\n${unlabelledOut.length} unlabelled sampled items written to ${args.unlabelled}`);
  if (reserve) console.log(`${reserveOut.length} unlabelled reserve items written after them`);
}

if (unfetchedSets.length > 0)
  console.error(
    `\norg-guard eval: INCOMPLETE: ${unfetchedSets.join(", ")} measured without some packages (see their INCOMPLETE lines); run again to retry the fetch, or pin versions the registry serves.`,
  );
