// Object-sensitive "nothing reads this value": what it would cost, measured on a findings file, per set.
// README section "JS hardcoded precision: settings whose object nothing reads, measured and rejected" (session 17, guard-jsflow17).
//
// For every JS `no-hardcoded-timeout` finding reported `in "K"`, `assigned to "K"` or `as the default of "K"` with a
// number, it finds the site in the file's syntax tree (a property `K: v` of an object literal, an assignment
// `O.K = ...` or `this.K = ...`, a constant `const K = v`) and asks two questions of the package's own JS files (type
// declarations `.d.ts` left out):
//   read:   does any code read K? A member read `x.K` / `x["K"]`, a destructuring `{ K }`, a string "K" used anywhere
//           but as an object literal's key (a dynamic key may name it), and for a constant any reference to it.
//           Writes are not reads: a literal's own key, an assignment's target, a class field's declaration, and the
//           site's own fallback (`this.config.K = this.config.K || 200000` reads only what it is about to replace).
//   leaves: can the object holding the value leave the package's sight? Its literal handed to a call or `new`,
//           returned, spread, exported (`export`, `module.exports`, `exports.X`) from a module some file loads or
//           package.json names, assigned into another object, or a binding of it used whole anywhere in its file; an
//           assignment `O.K = ...` whose `O` (or an object it sits in) is used whole in its file, is a global or
//           another package's object (`window.X`, `jasmine.X`), a parameter, or an object the file did not build from
//           a literal (a module, an instance, a call's result); `this` of a class exported from a loaded module or
//           handed on whole. `this` otherwise, and a literal bound to a local only ever read through `N.key`, stay.
// A finding would be dropped by "unread" when nothing reads K, and by "unread and stays" when, also, nothing lets
// its object leave. Where K IS read somewhere, the object-level question: does a read reach THIS object (a chain from
// the same root agreeing with the value's path `N.a.K` / `this.config.K`, or `O[k]` on a prefix of it), and if none
// does and the object stays, the third column counts it. Counts are labelled real / false / unlabelled, all findings
// (not only the sample); `--list` prints each dropped finding and each unread key's reason its object may leave.
// Usage: node eval/object-reads.mjs <findings.txt> [--list]
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bySet, cell, findingLines, labelOf, measurementArgs, tally, total } from "./finding-tally.mjs";
import { leaves, pathOf, reached, readsOf } from "./object-flow.mjs";
import { siteOf, treeOf } from "./object-syntax.mjs";
import { JS, packageOf } from "./package-files.mjs";

const args = measurementArgs("object-reads.mjs");
const { labels } = args;
const cache = fileURLToPath(new URL(".cache", import.meta.url));
// --- per finding ---
const MESSAGE = /^Hardcoded timeout (.+?) (?:\([^)]*\) )?(in|assigned to|as the default of) "([\w$]+)"\./;
const counts = { unread: new Map(), stays: new Map(), unreached: new Map() };
const kinds = new Map();
/** Per reason an unread key's object may leave ("stays" when none): the labels of the findings it keeps. */
const reasons = new Map();
const listed = [];
for (const { set, key: findingKey, message } of findingLines(args.file)) {
  const [path, lineText] = findingKey.split(":");
  if (!findingKey.endsWith(":no-hardcoded-timeout") || !JS.test(path) || !path.includes("/package/")) continue;
  const site = MESSAGE.exec(message);
  if (!site || !/^[\d._eExXa-fA-F*+ ]+$/.test(site[1])) continue;
  const key = site[3];
  const packageName = path.slice(0, path.indexOf("/package/"));
  const facts = packageOf(packageName);
  const full = join(cache, path);
  const tree = treeOf(full);
  const found = tree && siteOf(tree, Number(lineText), key);
  const kind = found?.kind ?? "unfound";
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  if (!found || found.kind === "default") continue;
  const label = labelOf(labels, findingKey);
  if (readsOf(facts, key, found, tree) > 0) {
    // K is read somewhere: does any read reach this object, and can the object leave?
    const path = pathOf(tree, found);
    if (!path || path.length < 2 || (path[0] === "this" && path.length === 2)) continue;
    if (leaves(tree, found, facts, full) || reached(tree, found, path, facts)) continue;
    tally(counts.unreached, set, label);
    if (args.list)
      listed.push(
        `unreached ${found.kind} ${path.join(".")} ${label} ${set} ${findingKey}${labels[findingKey] ? ` (${labels[findingKey].why})` : ""}`,
      );
    continue;
  }
  const drops = ["unread", "unreached"];
  const reason = leaves(tree, found, facts, full);
  if (!reason) drops.push("stays");
  else drops.pop();
  const byReason = reasons.get(reason || "stays") ?? { real: 0, false: 0, unlabelled: 0 };
  byReason[label] += 1;
  reasons.set(reason || "stays", byReason);
  for (const fact of drops) {
    tally(counts[fact], set, label);
  }
  if (args.list)
    listed.push(
      `${drops.at(-1)} ${found.kind} ${reason || "-"} ${label} ${set} ${findingKey}${labels[findingKey] ? ` (${labels[findingKey].why})` : ""}`,
    );
}

const sets = [...new Set([...counts.unread.keys(), ...counts.unreached.keys()])].sort(bySet);
console.log(`sites: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
console.log("findings each fact would drop: real / false / unlabelled");
console.log(
  "| set | nothing reads K | nothing reads K and the object stays | no read reaches the object and it stays |\n| --- | --: | --: | --: |",
);
for (const set of sets)
  console.log(
    `| ${set} | ${cell(counts.unread.get(set))} | ${cell(counts.stays.get(set))} | ${cell(counts.unreached.get(set))} |`,
  );
console.log(
  `| all | ${cell(total(counts.unread))} | ${cell(total(counts.stays))} | ${cell(total(counts.unreached))} |`,
);
console.log("\nfindings nothing reads K of, by why the object may leave: real / false / unlabelled");
for (const [reason, c] of [...reasons].sort((a, b) => b[1].real + b[1].false - a[1].real - a[1].false))
  console.log(`- ${reason}: ${cell(c)}`);
if (args.list) console.log(listed.join("\n"));
