import type { TestExecution } from "../junit/types.ts";
import type { SqlDatabase } from "./sql.ts";

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

/**
 * Stores one run and its executions in one transaction, or nothing if a run with this id is already
 * stored (recording the same run twice stores it once). Marks as flaky every failure on this commit of
 * a test that also passed on it, whichever run came first.
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

    const keys = [...new Set(executions.map((e) => JSON.stringify([e.file, e.name])))].sort();
    const files = keys.map((k) => (JSON.parse(k) as string[])[0]!);
    const names = keys.map((k) => (JSON.parse(k) as string[])[1]!);
    await tx.query(
      `INSERT INTO flaky_tests (file, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [files, names],
    );
    const ids = await tx.query<{ id: number; file: string; name: string }>(
      `SELECT t.id, t.file, t.name FROM flaky_tests t JOIN unnest($1::text[], $2::text[]) AS u (file, name)
         ON t.file = u.file AND t.name = u.name`,
      [files, names],
    );
    const idOf = new Map(ids.map((row) => [JSON.stringify([row.file, row.name]), row.id]));
    const day = run.recordedAt.toISOString().slice(0, 10);
    await tx.query(
      `INSERT INTO flaky_executions (run_id, seq, test_id, commit_sha, env, day, recorded_at, status, retries, flaky,
                                     category, failure_type, message, duration_ms)
       SELECT $1, u.seq, u.test_id, $2, $3, $4::date, $5::timestamptz, u.status, u.retries,
              u.status = 'passed' AND u.retries > 0, u.category, u.failure_type, u.message, u.duration_ms
       FROM unnest($6::int[], $7::int[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::float8[])
         AS u (seq, test_id, status, retries, category, failure_type, message, duration_ms)`,
      [
        run.id,
        run.commit,
        run.env,
        day,
        run.recordedAt.toISOString(),
        executions.map((_, i) => i),
        executions.map((e) => idOf.get(JSON.stringify([e.file, e.name]))!),
        executions.map((e) => e.status),
        executions.map((e) => e.retries),
        executions.map((e) => e.category),
        executions.map((e) => e.failureType),
        executions.map((e) => e.message),
        executions.map((e) => e.durationMs),
      ],
    );
    await tx.query(
      `INSERT INTO flaky_daily (test_id, day, env, executions, failures, flaky, timeouts, network, assertions, others, last_seen)
       SELECT test_id, day, env,
              count(*) FILTER (WHERE status <> 'skipped'),
              count(*) FILTER (WHERE status = 'failed'),
              count(*) FILTER (WHERE flaky),
              count(*) FILTER (WHERE category = 'timeout'),
              count(*) FILTER (WHERE category = 'network'),
              count(*) FILTER (WHERE category = 'assertion'),
              count(*) FILTER (WHERE category = 'other'),
              max(recorded_at)
       FROM flaky_executions WHERE run_id = $1 GROUP BY test_id, day, env ORDER BY test_id
       ON CONFLICT (test_id, day, env) DO UPDATE SET
         executions = flaky_daily.executions + excluded.executions,
         failures = flaky_daily.failures + excluded.failures,
         flaky = flaky_daily.flaky + excluded.flaky,
         timeouts = flaky_daily.timeouts + excluded.timeouts,
         network = flaky_daily.network + excluded.network,
         assertions = flaky_daily.assertions + excluded.assertions,
         others = flaky_daily.others + excluded.others,
         last_seen = greatest(flaky_daily.last_seen, excluded.last_seen)`,
      [run.id],
    );
    // A failure is flaky once the same test has passed on the same commit, in any run.
    await tx.query(
      `WITH passed AS (
         SELECT DISTINCT test_id FROM flaky_executions
         WHERE commit_sha = $1 AND status = 'passed' AND test_id IN (SELECT test_id FROM flaky_executions WHERE run_id = $2)
       ), flipped AS (
         UPDATE flaky_executions e SET flaky = true FROM passed p
         WHERE e.commit_sha = $1 AND e.test_id = p.test_id AND e.status = 'failed' AND NOT e.flaky
         RETURNING e.test_id, e.day, e.env
       )
       UPDATE flaky_daily d SET flaky = d.flaky + f.n
       FROM (SELECT test_id, day, env, count(*) AS n FROM flipped GROUP BY test_id, day, env) f
       WHERE d.test_id = f.test_id AND d.day = f.day AND d.env = f.env`,
      [run.commit, run.id],
    );
    return true;
  });
}
