import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  analyse,
  MIGRATIONS,
  openDatabase,
  recordExecutions,
  recordReports,
  type SqlDatabase,
  type TestExecution,
} from "../src/index.ts";
import { orgFlaky } from "./support/cli.ts";
import { createDatabase } from "./support/databases.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

const pgUrl = inject("pgUrl");

const exec = (name: string, status: TestExecution["status"], retries = 0): TestExecution => ({
  file: "test/a.test.ts",
  name,
  status,
  retries,
  durationMs: 1,
  message: status === "passed" && retries === 0 ? null : "Test timed out in 5000ms.",
  failureType: null,
  category: status === "passed" && retries === 0 ? null : "timeout",
});

let seq = 0;
const run = (commit: string, env: "ci" | "local" = "ci") => ({
  id: `run-${++seq}`,
  commit,
  branch: "main",
  env,
  source: "junit" as const,
  url: null,
  recordedAt: new Date("2026-07-01T09:00:00Z"),
});

const counts = async (db: SqlDatabase) => {
  const report = await analyse({ db, origins: false, since: new Date("2026-06-01T00:00:00Z") });
  return Object.fromEntries(report.tests.map((t) => [t.name, [t.executions, t.failures, t.flakyExecutions]]));
};

/** A store as version 1 of the schema left it: one failed execution of `test` on `commit`. */
async function writeVersion1(location: string, commit: string, test: string): Promise<void> {
  await writeAtVersion(
    location,
    1,
    `INSERT INTO flaky_runs VALUES ('v1-run', '${commit}', 'main', 'ci', 'junit', NULL, '2026-07-01T08:00:00Z', 1);
    INSERT INTO flaky_tests (file, name) VALUES ('test/a.test.ts', '${test}');
    INSERT INTO flaky_executions VALUES ('v1-run', 0, 1, '${commit}', 'ci', '2026-07-01', '2026-07-01T08:00:00Z',
      'failed', 0, false, 'timeout', NULL, 'Test timed out in 5000ms.', 1);
    INSERT INTO flaky_daily VALUES (1, '2026-07-01', 'ci', 1, 1, 0, 1, 0, 0, 0, '2026-07-01T08:00:00Z');`,
  );
}

/** A store with the schema's first `version` migrations applied, then `rows` inserted. */
async function writeAtVersion(location: string, version: number, rows: string): Promise<void> {
  const applied = MIGRATIONS.filter((m) => m.version <= version);
  const statements = `
    CREATE TABLE flaky_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    ${applied.map((m) => `${m.sql};\n INSERT INTO flaky_schema_migrations (version, name) VALUES (${m.version}, '${m.name}');`).join("\n")}
    ${rows}`;
  if (location.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      await client.query(statements);
    } finally {
      await client.end();
    }
    return;
  }
  mkdirSync(location, { recursive: true });
  const db = await PGlite.create(join(location, "pgdata"));
  try {
    await db.exec(statements);
  } finally {
    await db.close();
  }
}

const stores: [string, () => Promise<string>][] = [
  ["PGlite", async () => "memory://"],
  ...(pgUrl ? [["PostgreSQL", () => createDatabase(pgUrl)] as [string, () => Promise<string>]] : []),
];

// One contract, every store: the embedded PGlite and a real PostgreSQL server run the same SQL.
describe.each(stores)("the %s store", { timeout: TOOL_HOOK_TIMEOUT }, (_kind, location) => {
  let db: SqlDatabase;
  let url: string;
  beforeAll(async () => {
    url = await location();
    db = await openDatabase({ db: url });
  }, TOOL_HOOK_TIMEOUT);
  afterAll(() => db?.close());

  test("recording the same run id twice stores it once", async () => {
    const first = run("c-idem");
    expect((await recordExecutions(db, first, [exec("idem", "passed")])).stored).toBe(true);
    expect((await recordExecutions(db, first, [exec("idem", "passed"), exec("idem", "failed")])).stored).toBe(false);
    expect((await counts(db)).idem).toEqual([1, 0, 0]);
  });

  test("a failure is flaky once the same test passes on the same commit, whichever run came first", async () => {
    await recordExecutions(db, run("c-1"), [exec("fail-then-pass", "failed"), exec("pass-then-fail", "passed")]);
    await recordExecutions(db, run("c-1", "local"), [
      exec("fail-then-pass", "passed"),
      exec("pass-then-fail", "failed"),
    ]);
    // on another commit the test only failed: not flaky there
    await recordExecutions(db, run("c-2"), [exec("fail-then-pass", "failed"), exec("pass-then-fail", "failed")]);
    expect(await counts(db)).toMatchObject({ "fail-then-pass": [3, 2, 1], "pass-then-fail": [3, 2, 1] });
  });

  test("names and messages with tabs, newlines, backslashes and non-ASCII text are stored as written", async () => {
    const name = "odd\tname \\N with\\backslash\r\nand 'quotes' — ünïcödé 🚀";
    const message = "line 1\n\tat x (C:\\path\\to\\file.ts:1:2)\r\n\\.\nend";
    const failing = { ...exec(name, "failed"), file: "test/odd\\dir/a b.test.ts", message, failureType: "Tab\tType" };
    await recordExecutions(db, run("c-odd"), [failing, { ...exec("null fields", "passed"), durationMs: null }]);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT t.file, t.name, e.message, e.failure_type, e.duration_ms, e.status
       FROM flaky_executions e JOIN flaky_tests t ON t.id = e.test_id WHERE e.commit_sha = 'c-odd' ORDER BY e.seq`,
    );
    expect(rows).toEqual([
      { file: failing.file, name, message, failure_type: "Tab\tType", duration_ms: 1, status: "failed" },
      {
        file: "test/a.test.ts",
        name: "null fields",
        message: null,
        failure_type: null,
        duration_ms: null,
        status: "passed",
      },
    ]);
  });

  test("a pass on retry is a flaky execution; a failure on every attempt is not", async () => {
    await recordExecutions(db, run("c-3"), [exec("retried", "passed", 1), exec("always", "failed", 2)]);
    expect(await counts(db)).toMatchObject({ retried: [1, 0, 1], always: [1, 1, 0] });
  });

  test("a run with a malformed file among good ones stores nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-flaky-xml-"));
    try {
      writeFileSync(
        join(dir, "good.xml"),
        `<testsuite name="s"><testcase classname="t.test.ts" name="never stored" time="0"/></testsuite>`,
      );
      writeFileSync(join(dir, "bad.xml"), `<testsuite name="s">\n<testcase classname="t.test.ts" name="x">\n`);
      await expect(
        recordReports({ db, files: [join(dir, "good.xml"), join(dir, "bad.xml")], cwd: dir, commit: "c-bad" }),
      ).rejects.toThrow(/^bad\.xml:2: .*truncated/);
      expect((await db.query("SELECT count(*)::int AS n FROM flaky_runs WHERE commit_sha = 'c-bad'"))[0]).toEqual({
        n: 0,
      });
      expect(await counts(db)).not.toHaveProperty("never stored");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the schema is versioned and migrating again changes nothing", async () => {
    const again = url.startsWith("memory://") ? db : await openDatabase({ db: url });
    if (again !== db) await again.close();
    expect(await db.query("SELECT version, name FROM flaky_schema_migrations ORDER BY version")).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  test("a store written at schema version 1 is upgraded: its failures become flaky when the test passes later", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-flaky-v1-"));
    try {
      const old = _kind === "PGlite" ? join(dir, "store") : await location();
      await writeVersion1(old, "c-old", "failed-before-upgrade");
      const upgraded = await openDatabase({ db: old });
      try {
        await recordExecutions(upgraded, run("c-old"), [exec("failed-before-upgrade", "passed")]);
        expect((await counts(upgraded))["failed-before-upgrade"]).toEqual([2, 1, 1]);
      } finally {
        await upgraded.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test("a report shows each test's latest failure message, whichever order its runs are recorded in", async () => {
    const failing = (message: string) => ({ ...exec("latest", "failed"), message });
    const recorded = (time: string) => ({ ...run("c-latest"), recordedAt: new Date(`2026-07-02T${time}:00Z`) });
    // the later run fails twice: its last failure is the one shown
    await recordExecutions(db, recorded("10:00"), [failing("first of the later run"), failing("the later run")]);
    await recordExecutions(db, recorded("09:00"), [failing("an earlier run, recorded after it")]);
    await recordExecutions(db, recorded("11:00"), [exec("latest", "passed")]);
    const report = await analyse({ db, origins: false, since: new Date("2026-06-01T00:00:00Z") });
    expect(report.tests.find((t) => t.name === "latest")?.lastFailure).toBe("the later run");
  });

  test("a store written at schema version 3 is upgraded with each test's latest failure message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-flaky-v3-"));
    try {
      const old = _kind === "PGlite" ? join(dir, "store") : await location();
      const execution = (runId: string, seq: number, test: number, at: string, status: string, message: string) =>
        `('${runId}', ${seq}, ${test}, 'c-v3', 'ci', '${at.slice(0, 10)}', '${at}', '${status}', 0, false, ${
          status === "failed" ? "'assertion'" : "NULL"
        }, NULL, ${status === "failed" ? `'${message}'` : "NULL"}, 1)`;
      await writeAtVersion(
        old,
        3,
        `INSERT INTO flaky_runs VALUES ('v3-a', 'c-v3', 'main', 'ci', 'junit', NULL, '2026-07-01T08:00:00Z', 3),
                                      ('v3-b', 'c-v3', 'main', 'ci', 'junit', NULL, '2026-07-01T09:00:00Z', 2);
        INSERT INTO flaky_tests (file, name) VALUES ('test/a.test.ts', 'two runs'), ('test/a.test.ts', 'one run');
        INSERT INTO flaky_executions VALUES
          ${execution("v3-b", 0, 1, "2026-07-01T09:00:00Z", "failed", "from the later run")},
          ${execution("v3-a", 0, 1, "2026-07-01T08:00:00Z", "failed", "from the earlier run")},
          ${execution("v3-a", 1, 2, "2026-07-01T08:00:00Z", "failed", "first in its run")},
          ${execution("v3-a", 2, 2, "2026-07-01T08:00:00Z", "failed", "last in its run")},
          ${execution("v3-b", 1, 2, "2026-07-01T09:00:00Z", "passed", "")};
        INSERT INTO flaky_daily VALUES (1, '2026-07-01', 'ci', 2, 2, 0, 0, 0, 2, 0, '2026-07-01T09:00:00Z'),
                                       (2, '2026-07-01', 'ci', 3, 2, 0, 0, 0, 2, 0, '2026-07-01T09:00:00Z');`,
      );
      const upgraded = await openDatabase({ db: old });
      try {
        const report = await analyse({ db: upgraded, origins: false, since: new Date("2026-06-01T00:00:00Z") });
        expect(Object.fromEntries(report.tests.map((t) => [t.name, t.lastFailure]))).toEqual({
          "two runs": "from the later run",
          "one run": "last in its run",
        });
      } finally {
        await upgraded.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!pgUrl)("parallel records into one PostgreSQL database", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  test("eight jobs recording at once on one commit lose no rows and count every flaky execution", async () => {
    const url = await createDatabase(pgUrl);
    const jobs = Array.from({ length: 8 }, (_, job) => job);
    await Promise.all(
      jobs.map(async (job) => {
        const db = await openDatabase({ db: url });
        try {
          // odd jobs fail the shared test, even ones pass it: 4 flaky failures in the end
          const tests = [
            exec("shared", job % 2 ? "failed" : "passed"),
            ...Array.from({ length: 200 }, (_, i) => exec(`job-${job}-${i}`, "passed")),
          ];
          await recordExecutions(db, { ...run("c-par"), id: `parallel-${job}` }, tests);
        } finally {
          await db.close();
        }
      }),
    );
    const db = await openDatabase({ db: url });
    try {
      expect((await db.query("SELECT count(*)::int AS n FROM flaky_executions"))[0]).toEqual({ n: 8 * 201 });
      expect((await counts(db)).shared).toEqual([8, 4, 4]);
    } finally {
      await db.close();
    }
  });
});

describe("parallel records into one PGlite directory", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  test("three org-flaky record processes at once queue on the store lock and lose no run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "org-flaky-par-"));
    try {
      const files = [0, 1, 2].map((i) => {
        const file = join(dir, `job-${i}.xml`);
        writeFileSync(
          file,
          `<testsuite name="s"><testcase classname="t.test.ts" name="job ${i}" time="0"/></testsuite>`,
        );
        return file;
      });
      const { spawn } = await import("node:child_process");
      const { BIN } = await import("./support/cli.ts");
      const { cleanEnv } = await import("./support/fixture-repo.ts");
      const codes = await Promise.all(
        files.map(
          (file) =>
            new Promise<number | null>((resolve) =>
              spawn(process.execPath, [BIN, "record", file, "--commit", "c-pglite", "--env", "ci"], {
                cwd: dir,
                env: cleanEnv({ ORG_FLAKY_DB: join(dir, "store") }),
                stdio: "ignore",
              }).on("exit", resolve),
            ),
        ),
      );
      expect(codes).toEqual([0, 0, 0]);
      const report = orgFlaky(dir, ["report", "--format", "json", "--since", "2000-01-01"], {
        ORG_FLAKY_DB: join(dir, "store"),
      });
      expect((JSON.parse(report.stdout) as { tests: { name: string }[] }).tests.map((t) => t.name).sort()).toEqual([
        "job 0",
        "job 1",
        "job 2",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
