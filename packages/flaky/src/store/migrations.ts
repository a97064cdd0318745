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
];
