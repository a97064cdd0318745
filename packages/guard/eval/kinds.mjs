#!/usr/bin/env node
// Which ways of reaching a finding are reliable: precision and recall share by evidence kind, over every set.
//
// Reads a findings file written by `node eval/run.mjs --findings out.txt` (one line per finding:
// `<set> <key>  -- <message>`), eval/corpus.json and eval/labels.json, draws each set's sample exactly as run.mjs
// does (per set, language and rule; breadth-first where the set says so) and groups the labelled sampled findings
// by KIND: the message's template with its values and names stripped (`in "K"`, `as the timeout of F()`,
// `assigned to CONST`), and, at the finer level, the form of the value that was reported (a plain number, an
// arithmetic of numbers, a module constant reached by its name `NAME = v`, a pad `x (added to y)`, a fallback's
// default, a wrapper call, None/0/false/Infinity) and, where one template hides several site shapes, the shape of
// the source line (a JS class field vs an object property, a test file).
//
// Per kind it prints: sampled labelled findings, true, precision (raw), precision weighted back to the pools
// (each sampled item stands for pool/sampled items of its stratum, or of its package in breadth-first sets), and
// the share of the estimated true findings of its language/rule the kind carries (what cutting it would cost in
// recall, as a fraction of today's true findings). Sets are split in two periods: "old" (everything except the
// newest blind sets) and "new" (`--new`, default fresh21-fresh24): choose on old, check on new.
//
// Usage: node eval/kinds.mjs <findings.txt> [--level 1|2|3] [--new fresh21,fresh22,fresh23,fresh24]
//                            [--min n] [--kind <regex>] [--list]
//   --level 1 groups by template only, 2 (default) adds the value form, 3 adds the site shape.
//   --min n hides kinds with fewer than n sampled labelled findings in both periods (default 1).
//   --kind <regex> with --list prints every sampled labelled finding of the matching kinds with its label.
//   --all-labels counts every labelled finding, sampled by today's checker or not (more evidence for small kinds; the
//     weighted columns then mean little).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { sampler } from "./sample.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    level: { type: "string", default: "2" },
    new: { type: "string", default: "fresh21,fresh22,fresh23,fresh24" },
    min: { type: "string", default: "1" },
    kind: { type: "string" },
    list: { type: "boolean" },
    "all-labels": { type: "boolean" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: node eval/kinds.mjs <findings.txt from run.mjs --findings> [--level 1|2|3] [--new sets]");
  process.exit(2);
}
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const labels = JSON.parse(readFileSync(join(here, "labels.json"), "utf8"));
const cache = join(here, ".cache");
const level = Number(args.level);
const newSets = new Set(args.new.split(","));

// --- the sample, drawn as run.mjs draws it (sample.mjs) ---
const { sampleOf, lowest, breadthFirst } = sampler(corpus);

// --- kinds ---
// Where a message's value ends and its site begins: the first of these words outside parentheses.
const SITE_START = /^ (in |assigned to |as the |as a |added to |for |by |on |with |returned )/;
function splitMessage(message) {
  const m = /^(Hardcoded|Unbounded) timeout (.*)$/.exec(message);
  if (!m) return undefined;
  const rest = m[2];
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && c === " " && SITE_START.test(rest.slice(i))) {
      const site = rest.slice(i + 1).replace(/\. (Use|Pass) [\s\S]*$/, "");
      return { value: rest.slice(0, i), site };
    }
  }
  return { value: rest, site: "?" };
}

/** A Python/JS name as a category: CONST, self.ATTR, obj.ATTR, local. */
function nameCategory(name) {
  if (/^(self|cls|this)\./.test(name)) return "self.ATTR";
  if (name.includes(".")) return "obj.ATTR";
  if (/^_*[A-Z][A-Z0-9_]*$/.test(name)) return "CONST";
  return "local";
}

function siteTemplate(site) {
  const forever = site.endsWith(": it waits forever");
  let s = forever ? site.slice(0, -": it waits forever".length) : site;
  s = s
    .replace(/"[^"]*"/g, '"K"')
    .replace(/it\(\.\.\.\)\.timeout\(\)/g, "MOCHA_IT_TIMEOUT")
    // A callee path (`a.b[0].c()`, `<call>.d()`, `f().g()`): one character class, so no backtracking.
    .replace(/[\w$.<>[\]]*(?:\(\)[\w$.<>[\]]+)*\(\)/g, () => "F()")
    .replace("MOCHA_IT_TIMEOUT", "it(...).timeout()")
    .replace(/\bin [\w.]+=/, "in NAME=")
    .replace(
      /\b(assigned to|added to the clock for|as the fallback of|for|added to) ([\w.]+)$/,
      (_, how, name) => `${how} ${nameCategory(name)}`,
    )
    .replace(/\bas the (default|class default) of (?!the )[\w.]+/, (_, d) => `as the ${d} of NAME`)
    .replace(/\(the first of \d+ per-attempt timeouts\)/, "(the first of N per-attempt timeouts)")
    .replace(/SQL \(SET [^)]*\)/, "SQL (SET ...)");
  return s;
}

function valueForm(value) {
  if (/^[\w$.]+ = /.test(value)) return "a constant by name";
  if (/\(added to .* before a unit conversion\)$/.test(value)) return "a pad before a unit conversion";
  if (/\(added to /.test(value)) return "a pad";
  if (/\(a cap on /.test(value)) return "a cap";
  if (/\(the default of /.test(value)) return "a lookup's fallback";
  if (/\(shared by /.test(value)) return "shared by a tuple";
  if (/^[\w.]+\(default=/.test(value)) return "an option's default";
  if (/^None$/.test(value)) return "None";
  if (/^(false)$/.test(value)) return "false";
  if (/^-?0(\.0*)?$/.test(value)) return "0";
  if (/^-\d/.test(value)) return "negative";
  if (
    /^(Infinity|Number\.POSITIVE_INFINITY|Number\.MAX_SAFE_INTEGER|Number\.MAX_VALUE|math\.inf|float\(["']inf["']\))$/.test(
      value,
    )
  )
    return "infinity";
  if (/^[\d_]+(\.[\d_]*)?(e[+-]?\d+)?n?$/i.test(value)) return "a number";
  if (/^0x[\da-f]+$/i.test(value)) return "a number";
  if (/^[\d_.e\s*+/()-]+$/i.test(value)) return "numbers' arithmetic";
  if (/^[\w.]+\(/.test(value)) return "a wrapper call";
  return "another expression";
}

const TEST_PATH =
  /(^|\/)(tests?|__tests__|spec|specs|testing|e2e|fixtures?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;
const lineCache = new Map();
function lineOf(key) {
  const m = /^(@?[^@/]+(?:\/[^@/]+)?@[^/]+)\/(.*):(\d+):[\w-]+$/.exec(key);
  if (!m) return "";
  const file = join(cache, m[1], m[2]);
  if (!lineCache.has(file)) lineCache.set(file, existsSync(file) ? readFileSync(file, "utf8").split("\n") : []);
  return lineCache.get(file)[Number(m[3]) - 1] ?? "";
}

/** A JS `in "K"` is a class field, an object literal's property (in a call's arguments or a table) or another. */
function siteShape(item) {
  const test = TEST_PATH.test(item.key) ? "test file" : "other file";
  if (item.language !== "js" || !/^in "K"/.test(item.template)) return test;
  const line = lineOf(item.key);
  const name = /in "([^"]*)"/.exec(item.site)?.[1] ?? "";
  const esc = name.replace(/[$]/g, "\\$");
  if (
    new RegExp(
      `^\\s*(?:(?:static|private|public|protected|readonly|declare|override|accessor)\\s+|#)*${esc}\\s*[?!]?\\s*(?::[^=]+)?=(?!=)`,
    ).test(line)
  )
    return `${test}, class field`;
  if (new RegExp(`\\(\\s*\\{.*\\b${esc}\\s*:|\\(.*,\\s*\\{.*\\b${esc}\\s*:`).test(line))
    return `${test}, property of an argument`;
  return `${test}, property`;
}

function kindOf(f) {
  const lang = f.key.endsWith(".py") || /\.py:\d+:/.test(f.key) ? "python" : "js";
  f.language = lang;
  let template;
  const parts = splitMessage(f.message);
  if (parts) {
    f.site = parts.site;
    template = siteTemplate(parts.site);
    f.template = template;
    if (/timeouts\.test/.test(f.message)) template += " [test timeout]";
  } else if (/has no timeout, so it waits forever/.test(f.message))
    template = "F() has no timeout (a call without timeout=)";
  else if (/has no timeout=, so it uses httpx/.test(f.message)) template = "F() has httpx's implicit default";
  else template = f.message.slice(0, 60);
  f.template = f.template ?? template;
  const rule = f.rule === "no-hardcoded-timeout" ? "hardcoded" : "unbounded";
  const parts1 = [template];
  if (level >= 2 && parts) parts1.push(`<${valueForm(parts.value)}>`);
  if (level >= 3) parts1.push(`{${siteShape(f)}}`);
  return `${lang}/${rule}: ${parts1.join(" ")}`;
}

// --- read the findings, draw the samples ---
const findingsBySet = new Map();
for (const line of readFileSync(positionals[0], "utf8").split("\n")) {
  const m = /^(\S+) (\S+) {2}-- (.*)$/.exec(line);
  if (!m) continue;
  const [, set, key, message] = m;
  const rule = key.slice(key.lastIndexOf(":") + 1);
  if (rule !== "no-hardcoded-timeout" && rule !== "no-unbounded-timeout") continue;
  const pkg = /^(@?[^@/]+(?:\/[^@/]+)?@[^/]+)\//.exec(key)?.[1] ?? key;
  const f = { set, key, message, rule, pkg };
  f.kind = kindOf(f);
  if (!findingsBySet.has(set)) findingsBySet.set(set, []);
  findingsBySet.get(set).push(f);
}

const sampled = []; // { f, weight }
for (const [set, findings] of findingsBySet) {
  const sizes = sampleOf(set);
  const draw = sizes.breadthFirst ? breadthFirst : lowest;
  for (const language of ["js", "python"])
    for (const rule of ["no-hardcoded-timeout", "no-unbounded-timeout"]) {
      const pool = findings.filter((f) => f.language === language && f.rule === rule);
      // --all-labels: every labelled finding, sampled now or not (more evidence for a small kind; weights lose meaning).
      const labelled = (args["all-labels"] ? pool : draw(pool, sizes.findingsPerStratum)).filter((f) => labels[f.key]);
      for (const f of labelled) {
        const mine = sizes.breadthFirst ? labelled.filter((x) => x.pkg === f.pkg).length : labelled.length;
        const count = sizes.breadthFirst ? pool.filter((x) => x.pkg === f.pkg).length : pool.length;
        sampled.push({ f, weight: count / mine, real: labels[f.key].real === true });
      }
    }
}

// --- the table ---
const period = (f) => (newSets.has(f.set) ? "new" : "old");
const stratumOf = (kind) => kind.slice(0, kind.indexOf(":"));
const tpTotals = {};
for (const s of sampled) {
  const k = `${period(s.f)} ${stratumOf(s.f.kind)}`;
  tpTotals[k] = (tpTotals[k] ?? 0) + (s.real ? s.weight : 0);
}
const kinds = new Map();
for (const s of sampled) {
  if (!kinds.has(s.f.kind)) kinds.set(s.f.kind, { old: [], new: [] });
  kinds.get(s.f.kind)[period(s.f)].push(s);
}
const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}` : "-");
function stats(items, stratum, when) {
  const n = items.length;
  const t = items.filter((s) => s.real).length;
  const w = items.reduce((a, s) => a + s.weight, 0);
  const wt = items.filter((s) => s.real).reduce((a, s) => a + s.weight, 0);
  const sets = new Set(items.map((s) => s.f.set)).size;
  const pkgs = new Set(items.map((s) => s.f.pkg)).size;
  return {
    n,
    t,
    p: n ? t / n : Number.NaN,
    wp: w ? wt / w : Number.NaN,
    share: wt / (tpTotals[`${when} ${stratum}`] || 1),
    sets,
    pkgs,
    fp: n - t,
  };
}
const min = Number(args.min);
const rows = [...kinds]
  .map(([kind, { old, new: fresh }]) => {
    const stratum = stratumOf(kind);
    return { kind, stratum, o: stats(old, stratum, "old"), n: stats(fresh, stratum, "new"), items: [...old, ...fresh] };
  })
  .filter((r) => r.o.n >= min || r.n.n >= min)
  .sort((a, b) => a.stratum.localeCompare(b.stratum) || b.o.n + b.n.n - (a.o.n + a.n.n));

const filter = args.kind ? new RegExp(args.kind) : undefined;
console.log(
  `kinds of evidence, level ${level}; old = every set but ${[...newSets].join(", ")}; new = those. Sampled labelled findings only.`,
);
console.log(
  "n: labelled; T: true; P: raw precision %; wP: weighted to the pools %; share: % of the period's estimated true findings of the rule and language; pk: packages",
);
let last;
for (const r of rows) {
  if (filter && !filter.test(r.kind)) continue;
  if (r.stratum !== last) {
    last = r.stratum;
    const all = rows.filter((x) => x.stratum === r.stratum);
    const sum = (p) => all.reduce((a, x) => a + x[p].n, 0);
    const sumT = (p) => all.reduce((a, x) => a + x[p].t, 0);
    console.log(`\n## ${r.stratum} (old: ${sumT("o")}/${sum("o")} true, new: ${sumT("n")}/${sum("n")})`);
    console.log(
      `| kind | old n | T | P | wP | share | pk | new n | T | P | wP | share | pk |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|`,
    );
  }
  const c = (s) => `${s.n} | ${s.t} | ${pct(s.p)} | ${pct(s.wp)} | ${s.n ? pct(s.share) : "-"} | ${s.pkgs}`;
  console.log(`| ${r.kind.slice(r.kind.indexOf(":") + 2)} | ${c(r.o)} | ${c(r.n)} |`);
  if (args.list)
    for (const s of r.items) console.log(`    ${s.real ? "T" : "F"} ${s.f.set} ${s.f.key} (${labels[s.f.key].why})`);
}
