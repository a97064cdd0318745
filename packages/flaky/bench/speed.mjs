#!/usr/bin/env node
// Speed goals of issue 11, measured on PGlite and PostgreSQL side by side (`node bench/speed.mjs`
// after `pnpm build`; PostgreSQL from the Debian binaries, or ORG_FLAKY_BENCH_PG_URL):
//   ingest: `record` of one 20,000-test JUnit file into a store of 1,000,000 executions (goal < 2 s on
//           PGlite): new tests, a rerun of the commit, the next commit; against parsing the same file
//           alone (parseJUnit: the floor, what any JUnit ingester pays before its database);
//   report: `analyse` (what `org-flaky report` runs) over 1,000,000 stored executions (goal < 2 s), against
//           one GROUP BY scan of the raw executions table (what a report without the daily rollup would pay).
// Prints wall time, CPU time (this process, where all of PGlite's work runs, plus the PostgreSQL
// backends' from /proc) and the load average at each figure: on a busy machine the CPU figure is the
// one that says what the work costs. Also prints what opening an existing store costs (every command
// pays it once; it is outside the goal), and the same ingest and report as a user runs them: one cold
// `org-flaky` process each (start-up, PGlite's WebAssembly, an unwarmed JIT, closing the store; their
// PostgreSQL backends exit with them, so those rows' CPU is the process's alone).
// Asserts nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { analyse, openDatabase, parseJUnit, recordReports } from "../dist/index.js";
import { postgresBin, startPostgres } from "../dist/testing.js";

const TESTS = 20_000;
/** Executions `fill` stores before the ingests: 500 runs of 2,000 tests. */
const FILLED = 1_000_000;
const work = mkdtempSync(join(tmpdir(), "org-flaky-bench-"));
const GOAL_MS = 2000;
const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const ms = (t0) => performance.now() - t0;
const fmt = (x) => `${(x / 1000).toFixed(2)} s`;
/** CPU milliseconds the PostgreSQL backends serving `database` have used so far, by pid (from /proc). */
let serverCpu = async () => new Map();
/** Runs `fn`, returning its wall and CPU milliseconds (this process's, plus the server backends'). */
async function timed(fn) {
  const server = await serverCpu();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const wall = ms(t);
  const used = process.cpuUsage(cpu);
  let backends = 0;
  for (const [pid, after] of await serverCpu()) backends += after - (server.get(pid) ?? 0);
  return { value, wall, cpu: (used.user + used.system) / 1000 + backends, load: loadavg()[0] };
}

/** CPU milliseconds of this process's waited-for children so far (cutime + cstime, /proc/self/stat). */
function childrenCpu() {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (
    (Number(fields[13]) + Number(fields[14])) *
    (1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })))
  );
}
/** Runs `org-flaky <args>` as a user would, in its own process; wall and CPU as `timed` gives them. */
async function cold(location, args) {
  return timed(async () => {
    const before = childrenCpu();
    const run = spawnSync(process.execPath, [BIN, ...args], {
      cwd: work,
      env: { ...process.env, ORG_FLAKY_DB: location },
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0) throw new Error(`org-flaky ${args[0]} exited ${run.status}: ${run.stderr}`);
    return childrenCpu() - before;
  }).then((m) => ({ ...m, cpu: m.cpu + m.value }));
}

// A vitest-shaped report: 200 files x 100 tests, 3 % failing, half of those timeouts.
const junit = join(work, "junit.xml");
const suites = [];
for (let f = 0; f < TESTS / 100; f++) {
  const cases = [];
  for (let t = 0; t < 100; t++) {
    const n = f * 100 + t;
    const message = n % 66 === 0 ? "Test timed out in 5000ms." : "expected 1 to be 2";
    const failure = n % 33 === 0 ? `<failure message="${message}" type="Error">Error: ${message}</failure>` : "";
    cases.push(
      `<testcase classname="test/f${f}.test.ts" name="suite &gt; case ${t}" time="0.001">${failure}</testcase>`,
    );
  }
  suites.push(
    `<testsuite name="test/f${f}.test.ts" timestamp="${new Date().toISOString()}" tests="100">${cases.join("")}</testsuite>`,
  );
}
writeFileSync(
  junit,
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vitest tests">\n${suites.join("\n")}\n</testsuites>\n`,
);

const startLoad = loadavg()[0];
let t0 = performance.now();
parseJUnit(readFileSync(junit, "utf8"), "junit.xml", { root: work });
const parseOnly = ms(t0);

/** 500 runs of 2,000 tests over 30 days (1,000,000 executions), written by SQL as record would. */
async function fill(db) {
  await db.exec(`
    INSERT INTO flaky_tests (file, name) SELECT 'test/g' || (g / 100) || '.test.ts', 'case ' || g FROM generate_series(0, 1999) g;
    INSERT INTO flaky_runs (id, commit_sha, branch, env, source, url, recorded_at, tests)
      SELECT 'bench-' || r, 'c' || (r / 2), 'main', CASE WHEN r % 5 = 0 THEN 'local' ELSE 'ci' END, 'junit', NULL,
             now() - ((r % 30) || ' days')::interval, 2000 FROM generate_series(0, 499) r;
    INSERT INTO flaky_executions (run_id, seq, test_id, commit_sha, env, day, recorded_at, status, retries, flaky,
                                  category, failure_type, message, duration_ms)
      SELECT r.id, t.id, t.id, r.commit_sha, r.env, r.recorded_at::date, r.recorded_at,
             CASE WHEN (t.id * 7 + s.r) % 41 = 0 THEN 'failed' ELSE 'passed' END, 0,
             (t.id * 7 + s.r) % 41 = 0 AND t.id % 3 = 0,
             CASE WHEN (t.id * 7 + s.r) % 41 = 0 THEN 'timeout' END, NULL,
             CASE WHEN (t.id * 7 + s.r) % 41 = 0 THEN 'Test timed out in 5000ms.' END, 1
      FROM generate_series(0, 499) s(r) JOIN flaky_runs r ON r.id = 'bench-' || s.r CROSS JOIN flaky_tests t
      WHERE t.file LIKE 'test/g%';
    INSERT INTO flaky_daily (test_id, day, env, executions, failures, flaky, timeouts, network, assertions, others, last_seen)
      SELECT test_id, day, env, count(*), count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE flaky),
             count(*) FILTER (WHERE category = 'timeout'), 0, 0, 0, max(recorded_at)
      FROM flaky_executions WHERE run_id LIKE 'bench-%' GROUP BY test_id, day, env;
    INSERT INTO flaky_commit_tests (commit_sha, test_id, passed, failed)
      SELECT commit_sha, test_id, bool_or(status = 'passed'), bool_or(status = 'failed')
      FROM flaky_executions WHERE run_id LIKE 'bench-%' GROUP BY commit_sha, test_id;
    INSERT INTO flaky_last_failures (test_id, recorded_at, run_id, seq, message)
      SELECT DISTINCT ON (test_id) test_id, recorded_at, run_id, seq, message FROM flaky_executions
      WHERE run_id LIKE 'bench-%' AND (status = 'failed' OR retries > 0) AND message IS NOT NULL
      ORDER BY test_id, recorded_at DESC, run_id COLLATE "C" DESC, seq DESC;
    ANALYZE;`);
}

async function bench(label, location) {
  let db = await openDatabase({ db: location, cwd: work });
  try {
    process.stderr.write(`${label}: filling 1,000,000 executions...\n`);
    await fill(db);
    // Into a store that already holds a million executions: a report of 20,000 tests never seen (a new
    // commit), the same report again on that commit (a rerun), then on the next commit (every CI push).
    const record = (commit, runId) => recordReports({ db, files: [junit], cwd: work, commit, env: "ci", runId });
    const ingest = await timed(() => record("bench-ingest", "ingest-1"));
    if (ingest.value.executions !== TESTS) throw new Error(`stored ${ingest.value.executions}, expected ${TESTS}`);
    const rerun = await timed(() => record("bench-ingest", "ingest-2"));
    const next = await timed(() => record("bench-ingest-next", "ingest-3"));
    const stored = (await db.query("SELECT count(*)::int AS n FROM flaky_executions"))[0].n;
    const scan = await timed(() =>
      db.query("SELECT test_id, count(*), count(*) FILTER (WHERE flaky) FROM flaky_executions GROUP BY test_id"),
    );
    const report = await timed(() => analyse({ db, cwd: work, origins: false }));
    await db.close();
    const coldIngest = await cold(location, [
      "record",
      junit,
      "--commit",
      "bench-cold",
      "--branch",
      "main",
      "--env",
      "ci",
    ]);
    const coldReport = await cold(location, ["report", "--format", "json"]);
    // What every `org-flaky` command pays first: opening (and checking the schema of) an existing store.
    const open = await timed(async () => (db = await openDatabase({ db: location, cwd: work })));
    return { label, open, ingest, rerun, next, stored, scan, report, coldIngest, coldReport };
  } finally {
    await db.close();
  }
}

const rows = [await bench("PGlite", join(work, "pglite"))];
let server;
const pgUrl = process.env.ORG_FLAKY_BENCH_PG_URL ?? (postgresBin() ? (server = await startPostgres()).url : undefined);
if (pgUrl) {
  try {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS flaky_bench");
    await admin.query("CREATE DATABASE flaky_bench");
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = "/flaky_bench";
    const watcher = new pg.Client({ connectionString: pgUrl });
    await watcher.connect();
    const tick = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
    serverCpu = async () => {
      const { rows } = await watcher.query("SELECT pid FROM pg_stat_activity WHERE datname = 'flaky_bench'");
      const used = new Map();
      for (const { pid } of rows) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
          used.set(pid, (Number(fields[11]) + Number(fields[12])) * tick); // utime + stime
        } catch {
          // the backend exited
        }
      }
      return used;
    };
    try {
      rows.push(await bench("PostgreSQL", url.toString()));
    } finally {
      await watcher.end();
    }
  } finally {
    server?.stop();
  }
} else
  console.log("PostgreSQL: skipped (no server binaries; apt-get install postgresql or set ORG_FLAKY_BENCH_PG_URL)");
rmSync(work, { recursive: true, force: true });

const load = loadavg()[0];
const verdict = (r) => (r.wall < GOAL_MS ? "met" : r.cpu < GOAL_MS ? "met in CPU time" : "NOT met");
console.log(
  `\nload average ${startLoad.toFixed(1)} at the start, ${load.toFixed(1)} at the end, on ${availableParallelism()} cores` +
    (Math.max(startLoad, load) > availableParallelism()
      ? ": the machine is busy, wall times are inflated; read the CPU column"
      : ""),
);
console.log(
  `ingest: one JUnit file of ${TESTS.toLocaleString("en")} tests into a store of ${FILLED.toLocaleString("en")} executions (goal < 2 s); baseline: parsing it alone ${fmt(parseOnly)}`,
);
console.log(
  `report: analyse over ${rows[0]?.stored.toLocaleString("en")} stored executions (goal < 2 s); baseline: one GROUP BY scan of the executions\n`,
);
const table = [["store", "what", "wall", "cpu (client + server)", "load", "vs baseline", "goal < 2 s"]];
for (const r of rows) {
  for (const [what, m, baseline, name] of [
    ["ingest, new tests", r.ingest, parseOnly, "parse"],
    ["ingest, rerun of the commit", r.rerun, parseOnly, "parse"],
    ["ingest, next commit", r.next, parseOnly, "parse"],
    ["report", r.report, r.scan.wall, "scan"],
    ["org-flaky record, own process", r.coldIngest, parseOnly, "parse"],
    ["org-flaky report, own process", r.coldReport, r.scan.wall, "scan"],
  ]) {
    table.push([
      r.label,
      what,
      fmt(m.wall),
      fmt(m.cpu),
      m.load.toFixed(1),
      `${(m.wall / baseline).toFixed(1)}x ${name}`,
      verdict(m),
    ]);
  }
  table.push([
    r.label,
    "open an existing store",
    fmt(r.open.wall),
    fmt(r.open.cpu),
    r.open.load.toFixed(1),
    "",
    "(not in the goal)",
  ]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("   ")
      .trimEnd(),
  );
