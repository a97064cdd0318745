#!/usr/bin/env node
// Fetches every pinned package of eval/corpus.json (or of the named sets) into eval/.cache ahead of `run.mjs`, several
// at a time: a fresh machine's cache of ~3,900 packages took about 45 minutes one by one. npm packages go through
// `npm pack` in batches (one npm start-up per batch, which is most of a small package's time); PyPI and Debian
// packages one per call, a few calls at once.
//
// Usage: node eval/prefetch.mjs [--set name]... [--jobs n] [--batch n]
//   --set    fetch only these sets' packages (repeatable; default: every set)
//   --jobs   calls in flight at once (default 4)
//   --batch  npm packages per `npm pack` call (default 25)
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scriptArgs, unknownSets } from "../scripts/args.mjs";
import { extractTarball, fetchPackage, finish, packageDir } from "./fetched.mjs";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
const cache = join(here, ".cache");
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const { values: args } = scriptArgs("eval/prefetch.mjs", {
  summary: "Fetches the pinned packages of eval/corpus.json into eval/.cache, several at a time, ahead of run.mjs.",
  options: {
    set: {
      type: "string",
      multiple: true,
      value: "name",
      help: "fetch only these sets' packages (default: every set)",
    },
    jobs: { type: "string", default: "4", value: "n", help: "calls in flight at once" },
    batch: { type: "string", default: "25", value: "n", help: "npm packages per `npm pack` call" },
  },
  check: (values) =>
    unknownSets(corpus, values.set ?? []) ??
    (["jobs", "batch"].find((name) => !/^[1-9]\d*$/.test(values[name]))
      ? "--jobs and --batch want a whole number of at least 1"
      : undefined),
});
const setNames = args.set ?? Object.keys(corpus.sets);
const wanted = new Map();
for (const name of setNames) {
  const set = corpus.sets[name];
  for (const pkg of Array.isArray(set) ? set : set.packages) wanted.set(packageDir(cache, pkg), pkg);
}
const missing = [...wanted].filter(([dir]) => !existsSync(join(dir, ".done"))).map(([, pkg]) => pkg);
const npm = missing.filter((pkg) => pkg.registry === "npm");
const other = missing.filter((pkg) => pkg.registry !== "npm");
const batchSize = Math.max(1, Number(args.batch));
const tasks = [];
for (let i = 0; i < npm.length; i += batchSize) tasks.push({ npm: npm.slice(i, i + batchSize) });
for (const pkg of other) tasks.push({ one: pkg });

let done = 0;
const failed = [];
const total = missing.length;
console.error(`${wanted.size} packages in ${setNames.length} sets; ${total} to fetch (${npm.length} npm)`);

/** One `npm pack` for the batch; a batch that fails is retried one package at a time to name the bad one. */
async function packBatch(batch) {
  const work = join(cache, `.batch-${process.pid}-${batch[0].name.replace(/\W/g, "_")}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const { stdout } = await run(
      "npm",
      ["pack", "--json", "--pack-destination", work, ...batch.map((p) => `${p.name}@${p.version}`)],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    const packed = JSON.parse(stdout);
    for (const [i, pkg] of batch.entries()) {
      const tarball = join(work, packed[i]?.filename ?? "");
      // npm masks what looks like a secret in a printed file name (a UUID: `***`): that package goes alone.
      if (!existsSync(tarball)) continue;
      const dir = packageDir(cache, pkg);
      const one = `${dir}.partial-${process.pid}`;
      rmSync(one, { recursive: true, force: true });
      mkdirSync(one, { recursive: true });
      await extractTarball(tarball, one);
      finish(one, dir);
    }
  } catch {
    // a bad package fails the whole batch: each is fetched alone below, which names the bad one
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const pkg of batch) await fetchOne(pkg);
}

async function fetchOne(pkg) {
  try {
    if (!existsSync(join(packageDir(cache, pkg), ".done"))) await fetchPackage(cache, pkg);
  } catch (error) {
    failed.push(`${pkg.registry} ${pkg.name}@${pkg.version}: ${String(error).split("\n")[0]}`);
  }
  done++;
}

const timer = setInterval(() => console.error(`  ${done}/${total} fetched`), 15_000);
await Promise.all(
  Array.from({ length: Math.max(1, Number(args.jobs)) }, async () => {
    for (let task = tasks.shift(); task; task = tasks.shift())
      await (task.npm ? packBatch(task.npm) : fetchOne(task.one));
  }),
);
clearInterval(timer);
console.error(`${done - failed.length}/${total} fetched${failed.length ? `; ${failed.length} failed:` : ""}`);
for (const line of failed) console.error(`  ${line}`);
process.exitCode = failed.length ? 1 : 0;
