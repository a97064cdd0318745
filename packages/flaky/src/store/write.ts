import type { TestExecution } from "../junit/types.ts";
import { copyText, type SqlClient, type SqlDatabase } from "./sql.ts";

/** Where a run happened: `ci` and `staging` are CI-side, `local` is a developer's machine. */
export type RunEnv = "ci" | "staging" | "local";
export const RUN_ENVS: readonly RunEnv[] = ["ci", "staging", "local"];

export interface StoredRun {
  id: string;
  commit: string;
  branch: string | null;
  env: RunEnv;
  source: "junit" | "vitest";
  url: string | null;
  recordedAt: Date;
}

/** Every write takes this lock for its transaction: parallel CI jobs queue, and none loses a row. */
const WRITE_LOCK = 7_412_001;

const EXECUTION_COLUMNS = [
  "run_id",
  "seq",
  "test_id",
  "commit_sha",
  "env",
  "day",
  "recorded_at",
  "status",
  "retries",
  "flaky",
  "category",
  "failure_type",
  "message",
  "duration_ms",
] as const;

/** The run's temporary per-test table: the test, then its TestTally. */
const TALLY_COLUMNS = [
  "test_id",
  "failures",
  "executions",
  "flaky",
  "timeouts",
  "network",
  "assertions",
  "others",
] as const;

/** One test's outcomes in the run being written (a test may run more than once in one report). */
interface TestTally {
  passes: number;
  failures: number;
  executions: number;
  flaky: number;
  timeouts: number;
  network: number;
  assertions: number;
  others: number;
}

/**
 * Stores one run and its executions in one transaction, or nothing if a run with this id is already
 * stored (recording the same run twice stores it once). Marks as flaky every failure on this commit of
 * a test that also passed on it, whichever run came first.
 *
 * Every statement is one set-based pass over the run's rows (bulk-loaded with COPY, no per-row round
 * trip), and none reads what earlier runs stored beyond one row per test of this commit: ingest time
 * grows with the report, not with the store.
 */
export async function writeRun(
  db: SqlDatabase,
  run: StoredRun,
  executions: readonly TestExecution[],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const inserted = await tx.query(
      `INSERT INTO flaky_runs (id, commit_sha, branch, env, source, url, recorded_at, tests)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [run.id, run.commit, run.branch, run.env, run.source, run.url, run.recordedAt.toISOString(), executions.length],
    );
    if (inserted.length === 0) return false;
    if (executions.length === 0) return true;

    const testIds = await resolveTestIds(tx, executions);
    const tallies = new Map<number, TestTally>();
    executions.forEach((e, i) => {
      const tally = tallies.get(testIds[i]!) ?? zeroTally();
      tallies.set(testIds[i]!, tally);
      if (e.status === "passed") tally.passes++;
      if (e.status === "failed") tally.failures++;
    });
    const ids = [...tallies.keys()];
    const before = await commitOutcomes(tx, run.commit, ids);
    // A failure is flaky when the test passed on this commit in any run (this one included); a pass is
    // flaky when it needed retries.
    const passedOnCommit = (id: number) => tallies.get(id)!.passes > 0 || before.get(id)?.passed === true;
    const flaky = executions.map((e, i) =>
      e.status === "passed" ? e.retries > 0 : e.status === "failed" && passedOnCommit(testIds[i]!),
    );
    executions.forEach((e, i) => {
      const tally = tallies.get(testIds[i]!)!;
      if (e.status !== "skipped") tally.executions++;
      if (flaky[i]) tally.flaky++;
      if (e.category === "timeout") tally.timeouts++;
      else if (e.category === "network") tally.network++;
      else if (e.category === "assertion") tally.assertions++;
      else if (e.category === "other") tally.others++;
    });

    const day = run.recordedAt.toISOString().slice(0, 10);
    const at = run.recordedAt.toISOString();
    await tx.copyFrom(
      "flaky_executions",
      EXECUTION_COLUMNS,
      copyText(
        executions.map((e, i) => [
          run.id,
          i,
          testIds[i]!,
          run.commit,
          run.env,
          day,
          at,
          e.status,
          e.retries,
          flaky[i]!,
          e.category,
          e.failureType,
          e.message,
          e.durationMs,
        ]),
      ),
    );
    // The run's per-test tallies go in once; the daily rollup is updated from them in one statement.
    await tx.exec(`CREATE TEMP TABLE flaky_run_tests (${TALLY_COLUMNS.map((c) => `${c} integer NOT NULL`).join(", ")})
      ON COMMIT DROP`);
    await tx.copyFrom(
      "flaky_run_tests",
      TALLY_COLUMNS,
      copyText(ids.map((id) => [id, ...TALLY_COLUMNS.slice(1).map((c) => tallies.get(id)![c as keyof TestTally])])),
    );
    await tx.query(
      `INSERT INTO flaky_daily (test_id, day, env, executions, failures, flaky, timeouts, network, assertions, others, last_seen)
       SELECT test_id, $1::date, $2, executions, failures, flaky, timeouts, network, assertions, others, $3::timestamptz
       FROM flaky_run_tests
       ON CONFLICT (test_id, day, env) DO UPDATE SET
         executions = flaky_daily.executions + excluded.executions,
         failures = flaky_daily.failures + excluded.failures,
         flaky = flaky_daily.flaky + excluded.flaky,
         timeouts = flaky_daily.timeouts + excluded.timeouts,
         network = flaky_daily.network + excluded.network,
         assertions = flaky_daily.assertions + excluded.assertions,
         others = flaky_daily.others + excluded.others,
         last_seen = greatest(flaky_daily.last_seen, excluded.last_seen)`,
      [day, run.env, at],
    );
    await updateLastFailures(tx, run, executions, testIds);
    await updateCommitOutcomes(tx, run.commit, ids, tallies, before);
    // Earlier runs' failures of a test that never passed on this commit until now become flaky.
    const flipped = ids.filter((id) => {
      const earlier = before.get(id);
      return earlier !== undefined && !earlier.passed && earlier.failed && tallies.get(id)!.passes > 0;
    });
    if (flipped.length > 0) await flagEarlierFailures(tx, run, flipped);
    return true;
  });
}

const zeroTally = (): TestTally => ({
  passes: 0,
  failures: 0,
  executions: 0,
  flaky: 0,
  timeouts: 0,
  network: 0,
  assertions: 0,
  others: 0,
});

/**
 * The id of each execution's test, adding the tests never seen before. The known tests are read per
 * file (a report names a few hundred files for tens of thousands of tests), as one JSON document, and
 * matched here; new tests get ids reserved from the sequence in one call, which is safe because every
 * writer holds the write lock.
 */
async function resolveTestIds(tx: SqlClient, executions: readonly TestExecution[]): Promise<number[]> {
  const keyOf = (file: string, name: string) => `${file}\u0000${name}`;
  const unique = new Map<string, TestExecution>();
  const files = new Set<string>();
  for (const e of executions) {
    unique.set(keyOf(e.file, e.name), e);
    files.add(e.file);
  }
  const [known] = await tx.query<{ tests: string | null }>(
    "SELECT json_agg(json_build_array(id, file, name))::text AS tests FROM flaky_tests WHERE file = ANY($1::text[])",
    [[...files]],
  );
  const idOf = new Map<string, number>();
  for (const [id, file, name] of known?.tests ? (JSON.parse(known.tests) as [number, string, string][]) : [])
    idOf.set(keyOf(file, name), id);
  const fresh = [...unique.entries()].filter(([key]) => !idOf.has(key));
  if (fresh.length > 0) {
    const [reserved] = await tx.query<{ last: number }>(
      `SELECT setval(pg_get_serial_sequence('flaky_tests', 'id'), nextval(pg_get_serial_sequence('flaky_tests', 'id')) + $1 - 1)::int AS last`,
      [fresh.length],
    );
    const first = Number(reserved!.last) - fresh.length + 1;
    await tx.copyFrom(
      "flaky_tests",
      ["id", "file", "name"],
      copyText(fresh.map(([, t], i) => [first + i, t.file, t.name])),
    );
    fresh.forEach(([key], i) => idOf.set(key, first + i));
  }
  return executions.map((e) => idOf.get(keyOf(e.file, e.name))!);
}

/**
 * Keeps each test's latest failure message (`flaky_last_failures`, read by reports): this run's last
 * failed or retried execution with a message, where this run is later than the one stored (by
 * recorded time, then run id in byte order, as migration 4 backfilled it).
 */
async function updateLastFailures(
  tx: SqlClient,
  run: StoredRun,
  executions: readonly TestExecution[],
  testIds: readonly number[],
): Promise<void> {
  const last = new Map<number, number>();
  executions.forEach((e, i) => {
    if ((e.status === "failed" || e.retries > 0) && e.message !== null) last.set(testIds[i]!, i);
  });
  if (last.size === 0) return;
  await tx.query(
    `INSERT INTO flaky_last_failures AS f (test_id, recorded_at, run_id, seq, message)
     SELECT u.test_id, $1::timestamptz, $2, u.seq, u.message
     FROM unnest($3::int[], $4::int[], $5::text[]) AS u (test_id, seq, message)
     ON CONFLICT (test_id) DO UPDATE SET
       recorded_at = excluded.recorded_at, run_id = excluded.run_id, seq = excluded.seq, message = excluded.message
     WHERE excluded.recorded_at > f.recorded_at
        OR (excluded.recorded_at = f.recorded_at AND excluded.run_id COLLATE "C" > f.run_id COLLATE "C")`,
    [
      run.recordedAt.toISOString(),
      run.id,
      [...last.keys()],
      [...last.values()],
      [...last.values()].map((i) => executions[i]!.message),
    ],
  );
}

/** Whether a test passed, and whether it failed, on a commit (in the runs stored so far). */
interface CommitOutcome {
  passed: boolean;
  failed: boolean;
}

/** Whether each of `ids` passed and failed on `commit` in the runs stored before this one. */
async function commitOutcomes(
  tx: SqlClient,
  commit: string,
  ids: readonly number[],
): Promise<Map<number, CommitOutcome>> {
  // One range of the commit's key (a fresh commit: one index probe, not one per test); the rows of
  // other tests in that range are dropped here.
  const [row] = await tx.query<{ ids: number[] | null; passed: boolean[] | null; failed: boolean[] | null }>(
    `SELECT array_agg(test_id) AS ids, array_agg(passed) AS passed, array_agg(failed) AS failed
     FROM flaky_commit_tests WHERE commit_sha = $1 AND test_id BETWEEN $2 AND $3`,
    [commit, ids.reduce((a, b) => Math.min(a, b)), ids.reduce((a, b) => Math.max(a, b))],
  );
  const wanted = new Set(ids);
  const outcomes = new Map<number, CommitOutcome>();
  (row?.ids ?? []).forEach((id, i) => {
    if (wanted.has(Number(id)))
      outcomes.set(Number(id), { passed: row!.passed![i] === true, failed: row!.failed![i] === true });
  });
  return outcomes;
}

/**
 * Records this run's outcomes on its commit: a row for each test new to the commit (bulk-loaded), and
 * an update only where a test passed or failed there for the first time. A rerun of a commit whose
 * tests already passed and failed as before writes nothing. Safe because every writer holds the write
 * lock between reading `before` and writing here.
 */
async function updateCommitOutcomes(
  tx: SqlClient,
  commit: string,
  ids: readonly number[],
  tallies: ReadonlyMap<number, TestTally>,
  before: ReadonlyMap<number, CommitOutcome>,
): Promise<void> {
  const fresh: [string, number, boolean, boolean][] = [];
  const changed: [number, boolean, boolean][] = [];
  for (const id of ids) {
    const { passes, failures } = tallies.get(id)!;
    const earlier = before.get(id);
    if (earlier === undefined) fresh.push([commit, id, passes > 0, failures > 0]);
    else if ((passes > 0 && !earlier.passed) || (failures > 0 && !earlier.failed))
      changed.push([id, earlier.passed || passes > 0, earlier.failed || failures > 0]);
  }
  await tx.copyFrom("flaky_commit_tests", ["commit_sha", "test_id", "passed", "failed"], copyText(fresh));
  if (changed.length > 0) {
    await tx.query(
      `UPDATE flaky_commit_tests c SET passed = u.passed, failed = u.failed
       FROM unnest($2::int[], $3::bool[], $4::bool[]) AS u (test_id, passed, failed)
       WHERE c.commit_sha = $1 AND c.test_id = u.test_id`,
      [commit, changed.map((c) => c[0]), changed.map((c) => c[1]), changed.map((c) => c[2])],
    );
  }
}

/** Marks the stored failures of `testIds` on the run's commit flaky, and counts them in the rollup. */
async function flagEarlierFailures(tx: SqlClient, run: StoredRun, testIds: readonly number[]): Promise<void> {
  await tx.query(
    `WITH flipped AS (
       UPDATE flaky_executions SET flaky = true
       WHERE test_id = ANY($2::int[]) AND status = 'failed' AND commit_sha = $1 AND NOT flaky AND run_id <> $3
       RETURNING test_id, day, env
     )
     UPDATE flaky_daily d SET flaky = d.flaky + f.n
     FROM (SELECT test_id, day, env, count(*) AS n FROM flipped GROUP BY test_id, day, env) f
     WHERE d.test_id = f.test_id AND d.day = f.day AND d.env = f.env`,
    [run.commit, testIds, run.id],
  );
}
