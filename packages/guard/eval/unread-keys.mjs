// What "nothing in the package reads it" would cost: two package-wide facts measured on a findings file, per set.
// README section "JS hardcoded precision: keys and modules nothing in the package reads" (session 16, guard-jsreach).
//
// Reads a findings file written by `node eval/run.mjs --findings out.txt`, eval/labels.json and each package's files in
// eval/.cache, and counts, per set, the labelled real / false / unlabelled JS `no-hardcoded-timeout` findings that each
// fact would drop (every finding, not only the sample: a fact is judged on all the evidence there is):
//   key:    `in "K" <a number>` / `assigned to "K" <a number>` whose key no JS file of the package names except as a
//           literal definition (`K: 5000`, `K = 5000`, `"K": 5000`; type declarations `.d.ts` left out);
//   module: any finding in a non-test, non-example, non-config JS file that no `require`/`import`/`<script src>` of the
//           package names and `package.json` does not name.
// Usage: node eval/unread-keys.mjs <findings.txt> [--list]   (--list prints every dropped finding with its label)
import { join } from "node:path";
import { bySet, cell, findingLines, labelOf, measurementArgs, tally, total } from "./finding-tally.mjs";
import { JS, packageOf } from "./package-files.mjs";

const args = measurementArgs("unread-keys.mjs");
const { labels } = args;
const escape = (text) => text.replace(/[$]/g, "\\$");
/** No JS file of the package names `key` except where it defines it with a number. */
function keyUnnamed(facts, key) {
  const word = new RegExp(`(?<![\\w$])${escape(key)}(?![\\w$])`, "g");
  const definition = new RegExp(`^["']?${escape(key)}["']?\\s*[:=]\\s*-?[\\d.]`);
  for (const { text } of facts.js) {
    if (!text.includes(key)) continue;
    for (const match of text.matchAll(word)) {
      const at = match.index;
      if (
        !definition.test(text.slice(at, at + key.length + 40)) &&
        !definition.test(text.slice(at - 1, at + key.length + 40))
      )
        return false;
    }
  }
  return true;
}

const MESSAGE = /^Hardcoded timeout (\S+?) (in|assigned to) "([\w$]+)"\./;
const counts = { key: new Map(), module: new Map() };
const listed = [];
for (const { set, key, message } of findingLines(args.file)) {
  const path = key.split(":")[0];
  if (!key.endsWith(":no-hardcoded-timeout") || !JS.test(path) || !path.includes("/package/")) continue;
  const [packageName, relative] = [path.slice(0, path.indexOf("/package/")), path.slice(path.indexOf("/package/") + 9)];
  const facts = packageOf(packageName);
  const label = labelOf(labels, key);
  const drops = [];
  const site = MESSAGE.exec(message);
  if (site && /^[\d._eExXa-fA-F]+$/.test(site[1]) && keyUnnamed(facts, site[3])) drops.push("key");
  if (!facts.loaded(join(facts.root, relative))) drops.push("module");
  for (const fact of drops) {
    tally(counts[fact], set, label);
    if (args.list) listed.push(`${fact} ${label} ${set} ${key}${labels[key] ? ` (${labels[key].why})` : ""}`);
  }
}

const sets = [...new Set([...counts.key.keys(), ...counts.module.keys()])].sort(bySet);
console.log("findings each fact would drop: real / false / unlabelled");
console.log("| set | key named nowhere else | module no file loads |\n| --- | --: | --: |");
for (const set of sets) console.log(`| ${set} | ${cell(counts.key.get(set))} | ${cell(counts.module.get(set))} |`);
console.log(`| all | ${cell(total(counts.key))} | ${cell(total(counts.module))} |`);
if (args.list) console.log(listed.join("\n"));
