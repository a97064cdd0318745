#!/usr/bin/env node
// Speed goals of issue 11, measured on PGlite and PostgreSQL side by side:
//   ingest: `record` of one 20,000-test JUnit file (goal < 2 s on PGlite), against parsing the same file
//           with fast-xml-parser alone (the floor: what any JUnit ingester pays);
//   report: `analyse` (what `org-flaky report` runs) over 1,000,000 stored executions (goal < 2 s), against
//           one GROUP BY scan of the raw executions table (what a report without the daily rollup would pay).
// Prints the figures and ratios; asserts nothing (the machine may be loaded).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import pg from "pg";
import { analyse, openDatabase, recordReports } from "../dist/index.js";
import { postgresBin, startPostgres } from "../dist/testing.js";

const TESTS = 20_000;
const work = mkdtempSync(join(tmpdir(), "org-flaky-bench-"));
const ms = (t0) => performance.now() - t0;
const fmt = (x) => `${(x / 1000).toFixed(2)} s`;

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

let t0 = performance.now();
new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, "utf8"));
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
    ANALYZE;`);
}

async function bench(label, location) {
  let t = performance.now();
  const db = await openDatabase({ db: location, cwd: work });
  const open = ms(t);
  try {
    t = performance.now();
    const result = await recordReports({ db, files: [junit], cwd: work, commit: "bench-ingest", env: "ci" });
    const ingest = ms(t);
    if (result.executions !== TESTS) throw new Error(`stored ${result.executions} executions, expected ${TESTS}`);
    process.stderr.write(`${label}: filling 1,000,000 executions...\n`);
    await fill(db);
    const stored = (await db.query("SELECT count(*)::int AS n FROM flaky_executions"))[0].n;
    t = performance.now();
    await db.query("SELECT test_id, count(*), count(*) FILTER (WHERE flaky) FROM flaky_executions GROUP BY test_id");
    const scan = ms(t);
    t = performance.now();
    await analyse({ db, cwd: work, origins: false });
    return { label, open, ingest, stored, scan, report: ms(t) };
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
    rows.push(await bench("PostgreSQL", url.toString()));
  } finally {
    server?.stop();
  }
} else
  console.log("PostgreSQL: skipped (no server binaries; apt-get install postgresql or set ORG_FLAKY_BENCH_PG_URL)");
rmSync(work, { recursive: true, force: true });

console.log(
  `\ningest: one JUnit file of ${TESTS.toLocaleString("en")} tests (goal < 2 s on PGlite); baseline: fast-xml-parser alone ${fmt(parseOnly)}`,
);
console.log(
  "report: analyse over 1,020,000 stored executions (goal < 2 s); baseline: one GROUP BY scan of the executions table\n",
);
console.log("store       open     ingest   ingest/parse   report   scan     report/scan   executions");
for (const r of rows) {
  console.log(
    [
      r.label.padEnd(10),
      fmt(r.open).padEnd(7),
      fmt(r.ingest).padEnd(7),
      `${(r.ingest / parseOnly).toFixed(1)}x`.padEnd(13),
      fmt(r.report).padEnd(7),
      fmt(r.scan).padEnd(7),
      `${(r.report / r.scan).toFixed(2)}x`.padEnd(12),
      r.stored.toLocaleString("en"),
    ].join("  "),
  );
}
