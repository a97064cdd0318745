import type { SqlClient } from "../store/sql.ts";

/** One test's counts over the window, read from the daily rollup. */
export interface TestCounts {
  testId: number;
  file: string;
  name: string;
  executions: number;
  failures: number;
  flaky: number;
  timeouts: number;
  network: number;
  assertions: number;
  others: number;
  ciFailures: number;
  localExecutions: number;
  localFailures: number;
  lastSeen: string;
}

/** One day's executions and flaky executions of one origin's tests. */
export interface OriginDayCounts {
  day: string;
  origin: "ai" | "human";
  executions: number;
  flaky: number;
}

/** Per-test totals from `since` (inclusive) to `until` (exclusive), both `YYYY-MM-DD`. */
export async function testCounts(db: SqlClient, since: string, until: string): Promise<TestCounts[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT t.id, t.file, t.name,
            sum(d.executions)::int AS executions, sum(d.failures)::int AS failures, sum(d.flaky)::int AS flaky,
            sum(d.timeouts)::int AS timeouts, sum(d.network)::int AS network,
            sum(d.assertions)::int AS assertions, sum(d.others)::int AS others,
            coalesce(sum(d.failures) FILTER (WHERE d.env <> 'local'), 0)::int AS ci_failures,
            coalesce(sum(d.executions) FILTER (WHERE d.env = 'local'), 0)::int AS local_executions,
            coalesce(sum(d.failures) FILTER (WHERE d.env = 'local'), 0)::int AS local_failures,
            max(d.last_seen) AS last_seen
     FROM flaky_daily d JOIN flaky_tests t ON t.id = d.test_id
     WHERE d.day >= $1::date AND d.day < $2::date
     GROUP BY t.id, t.file, t.name
     HAVING sum(d.executions) > 0`,
    [since, until],
  );
  return rows.map((r) => ({
    testId: Number(r.id),
    file: String(r.file),
    name: String(r.name),
    executions: Number(r.executions),
    failures: Number(r.failures),
    flaky: Number(r.flaky),
    timeouts: Number(r.timeouts),
    network: Number(r.network),
    assertions: Number(r.assertions),
    others: Number(r.others),
    ciFailures: Number(r.ci_failures),
    localExecutions: Number(r.local_executions),
    localFailures: Number(r.local_failures),
    lastSeen: new Date(r.last_seen as string | Date).toISOString(),
  }));
}

/**
 * Per day, the executions and flaky executions of the `ai` and of the `human` tests in the window: the
 * charts' time series, summed by the database (a row per test and day would be most of a report's time).
 */
export async function originDayCounts(
  db: SqlClient,
  since: string,
  until: string,
  origins: ReadonlyMap<number, "ai" | "human">,
): Promise<OriginDayCounts[]> {
  if (origins.size === 0) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT d.day::text AS day, o.origin, sum(d.executions)::int AS executions, sum(d.flaky)::int AS flaky
     FROM flaky_daily d JOIN unnest($3::int[], $4::text[]) AS o (test_id, origin) ON o.test_id = d.test_id
     WHERE d.day >= $1::date AND d.day < $2::date
     GROUP BY d.day, o.origin HAVING sum(d.executions) > 0`,
    [since, until, [...origins.keys()], [...origins.values()]],
  );
  return rows.map((r) => ({
    day: String(r.day),
    origin: r.origin === "ai" ? "ai" : "human",
    executions: Number(r.executions),
    flaky: Number(r.flaky),
  }));
}

/** The latest failure message of each of `testIds` (for the report's "why"). */
export async function lastFailures(db: SqlClient, testIds: readonly number[]): Promise<Map<number, string>> {
  if (testIds.length === 0) return new Map();
  const rows = await db.query<{ test_id: number; message: string | null }>(
    `SELECT DISTINCT ON (test_id) test_id, message FROM flaky_executions
     WHERE test_id = ANY($1::int[]) AND (status = 'failed' OR retries > 0) AND message IS NOT NULL
     ORDER BY test_id, recorded_at DESC, run_id DESC`,
    [testIds],
  );
  return new Map(rows.map((r) => [Number(r.test_id), String(r.message)]));
}
