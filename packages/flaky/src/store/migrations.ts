/**
 * The store's schema, one versioned step at a time. Both PGlite and PostgreSQL run exactly these
 * statements; a step is never edited once released, only followed by a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "runs, tests, executions and the daily rollup",
    sql: `
      CREATE TABLE flaky_runs (
        id text PRIMARY KEY,
        commit_sha text NOT NULL,
        branch text,
        env text NOT NULL,
        source text NOT NULL,
        url text,
        recorded_at timestamptz NOT NULL,
        tests integer NOT NULL
      );
      CREATE TABLE flaky_tests (
        id serial PRIMARY KEY,
        file text NOT NULL,
        name text NOT NULL,
        UNIQUE (file, name)
      );
      CREATE TABLE flaky_executions (
        run_id text NOT NULL REFERENCES flaky_runs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        test_id integer NOT NULL REFERENCES flaky_tests (id),
        commit_sha text NOT NULL,
        env text NOT NULL,
        day date NOT NULL,
        recorded_at timestamptz NOT NULL,
        status text NOT NULL,
        retries integer NOT NULL,
        flaky boolean NOT NULL,
        category text,
        failure_type text,
        message text,
        duration_ms double precision,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX flaky_executions_commit ON flaky_executions (commit_sha, test_id);
      CREATE INDEX flaky_executions_failures ON flaky_executions (test_id, recorded_at) WHERE status = 'failed' OR retries > 0;
      -- One row per test, day and environment: reports read this, never the raw executions.
      CREATE TABLE flaky_daily (
        test_id integer NOT NULL REFERENCES flaky_tests (id),
        day date NOT NULL,
        env text NOT NULL,
        executions integer NOT NULL,
        failures integer NOT NULL,
        flaky integer NOT NULL,
        timeouts integer NOT NULL,
        network integer NOT NULL,
        assertions integer NOT NULL,
        others integer NOT NULL,
        last_seen timestamptz NOT NULL,
        PRIMARY KEY (test_id, day, env)
      );
    `,
  },
  {
    version: 2,
    name: "per-commit outcomes; no per-row foreign-key checks on the bulk tables",
    // Ingest was O(tests x executions on the commit): marking flaky failures scanned the commit's
    // executions for every test. One row per commit and test says whether it ever passed or failed
    // there, so the commit index on the executions is no longer needed. The foreign keys of the bulk tables cost a trigger call per inserted row (most of a
    // 20,000-test ingest on PGlite); the one writer (store/write.ts) inserts tests before their rows.
    sql: `
      CREATE TABLE flaky_commit_tests (
        commit_sha text NOT NULL,
        test_id integer NOT NULL,
        passes integer NOT NULL,
        failures integer NOT NULL,
        PRIMARY KEY (commit_sha, test_id)
      );
      INSERT INTO flaky_commit_tests (commit_sha, test_id, passes, failures)
        SELECT commit_sha, test_id, count(*) FILTER (WHERE status = 'passed'), count(*) FILTER (WHERE status = 'failed')
        FROM flaky_executions GROUP BY commit_sha, test_id;
      ALTER TABLE flaky_executions DROP CONSTRAINT flaky_executions_run_id_fkey;
      ALTER TABLE flaky_executions DROP CONSTRAINT flaky_executions_test_id_fkey;
      ALTER TABLE flaky_daily DROP CONSTRAINT flaky_daily_test_id_fkey;
      -- Earlier failures to mark flaky are found by test through flaky_executions_failures.
      DROP INDEX flaky_executions_commit;
    `,
  },
  {
    version: 3,
    name: "bulk-load friendly: no key on executions, per-commit flags, room for in-place rollup updates",
    // Ingest appends a run's executions with COPY. Their (run_id, seq) key was one more index entry per
    // row, and nothing reads by it: a run is stored once because flaky_runs.id is unique.
    // Flakiness on a commit only asks whether a test passed and whether it failed there, so the
    // per-commit counts become two flags: a rerun that changes neither writes nothing.
    // Each ingest updates one row per test in the daily rollup; free space on its pages lets
    // PostgreSQL update in place (HOT) instead of adding a new row version and index entries.
    sql: `
      ALTER TABLE flaky_executions DROP CONSTRAINT flaky_executions_pkey;
      ALTER TABLE flaky_commit_tests ADD COLUMN passed boolean, ADD COLUMN failed boolean;
      UPDATE flaky_commit_tests SET passed = passes > 0, failed = failures > 0;
      ALTER TABLE flaky_commit_tests DROP COLUMN passes, DROP COLUMN failures,
        ALTER COLUMN passed SET NOT NULL, ALTER COLUMN failed SET NOT NULL;
      ALTER TABLE flaky_daily SET (fillfactor = 70);
    `,
  },
  {
    version: 4,
    name: "each test's latest failure message, kept at ingest",
    // A report shows each failing test's latest failure message. Finding it scanned the executions
    // (a heap fetch per stored failure of every failing test: most of a report over a million rows);
    // ingest now keeps one row per test instead. Latest means the latest recorded run, then the
    // greatest run id (in byte order, the same on every server's collation), then the last in its run.
    sql: `
      CREATE TABLE flaky_last_failures (
        test_id integer PRIMARY KEY,
        recorded_at timestamptz NOT NULL,
        run_id text NOT NULL,
        seq integer NOT NULL,
        message text NOT NULL
      );
      INSERT INTO flaky_last_failures (test_id, recorded_at, run_id, seq, message)
        SELECT DISTINCT ON (test_id) test_id, recorded_at, run_id, seq, message FROM flaky_executions
        WHERE (status = 'failed' OR retries > 0) AND message IS NOT NULL
        ORDER BY test_id, recorded_at DESC, run_id COLLATE "C" DESC, seq DESC;
    `,
  },
];
