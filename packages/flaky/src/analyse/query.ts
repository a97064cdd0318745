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
  /** Its latest failure message (any time, not only in the window), null if none was recorded. */
  lastFailure: string | null;
}

/** One day's executions and flaky executions of one origin's tests. */
export interface OriginDayCounts {
  day: string;
  origin: "ai" | "human";
  executions: number;
  flaky: number;
}

/** The columns of one test's totals, in the order `testCounts` reads them. */
type CountsRow = [
  id: number,
  file: string,
  name: string,
  executions: number,
  failures: number,
  flaky: number,
  timeouts: number,
  network: number,
  assertions: number,
  others: number,
  ciFailures: number,
  localExecutions: number,
  localFailures: number,
  lastSeen: string,
  lastFailure: string | null,
];

/**
 * Per-test totals from `since` (inclusive) to `until` (exclusive), both `YYYY-MM-DD`, with each test's
 * latest failure message. The rollup is summed per test id first, then named; the rows come back as one
 * JSON document, because decoding tens of thousands of result rows one value at a time cost PGlite
 * several times what the query did.
 */
export async function testCounts(db: SqlClient, since: string, until: string): Promise<TestCounts[]> {
  const [row] = await db.query<{ counts: string | null }>(
    `SELECT json_agg(json_build_array(t.id, t.file, t.name, a.executions, a.failures, a.flaky, a.timeouts,
              a.network, a.assertions, a.others, a.ci_failures, a.local_executions, a.local_failures, a.last_seen,
              f.message))::text
              AS counts
     FROM (
       SELECT d.test_id,
              sum(d.executions)::int AS executions, sum(d.failures)::int AS failures, sum(d.flaky)::int AS flaky,
              sum(d.timeouts)::int AS timeouts, sum(d.network)::int AS network,
              sum(d.assertions)::int AS assertions, sum(d.others)::int AS others,
              coalesce(sum(d.failures) FILTER (WHERE d.env <> 'local'), 0)::int AS ci_failures,
              coalesce(sum(d.executions) FILTER (WHERE d.env = 'local'), 0)::int AS local_executions,
              coalesce(sum(d.failures) FILTER (WHERE d.env = 'local'), 0)::int AS local_failures,
              max(d.last_seen) AS last_seen
       FROM flaky_daily d
       WHERE d.day >= $1::date AND d.day < $2::date
       GROUP BY d.test_id
       HAVING sum(d.executions) > 0
     ) a JOIN flaky_tests t ON t.id = a.test_id LEFT JOIN flaky_last_failures f ON f.test_id = a.test_id`,
    [since, until],
  );
  const rows = row?.counts ? (JSON.parse(row.counts) as CountsRow[]) : [];
  return rows.map((r) => ({
    testId: r[0],
    file: r[1],
    name: r[2],
    executions: r[3],
    failures: r[4],
    flaky: r[5],
    timeouts: r[6],
    network: r[7],
    assertions: r[8],
    others: r[9],
    ciFailures: r[10],
    localExecutions: r[11],
    localFailures: r[12],
    // a timestamptz in JSON carries the server's offset (e.g. +00:00 or +02:00): normalise to UTC
    lastSeen: new Date(r[13]).toISOString(),
    lastFailure: r[14],
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
