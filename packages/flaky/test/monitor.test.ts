import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { openDatabase, recordReports, type FlakinessReport } from "../src/index.ts";
import { orgFlaky } from "./support/cli.ts";
import { createFlakyRepo, FIXTURE_ORIGINS, type FlakyRepo } from "./support/fixture-repo.ts";
import { createDatabase } from "./support/databases.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

const python = inject("python");
const pgUrl = inject("pgUrl");
const REPORTER = join(import.meta.dirname, "../dist/vitest.js");
const RUNS = [0, 1, 2, 3];

/**
 * What each test does on run `run`, from the fixture's design (not from any report): every test runs
 * once per run; these fail on these runs, and pass on the others of the same commit.
 */
function failsOn(id: string, run: number): boolean {
  if (id === "test/ai/proxy.test.ts::proxy > forwards the API key") return run % 2 === 1;
  if (id === "tests/test_ai_proxy.py::test_proxy_request_via_api_key") return run % 2 === 1;
  if (id === "test/human/cache.test.ts::cache > evicts the oldest entry") return run === 2;
  return false;
}

function expected(runs: number[]) {
  return Object.keys(FIXTURE_ORIGINS).map((id) => {
    const failures = runs.filter((run) => failsOn(id, run)).length;
    const passes = runs.length - failures;
    return { id, executions: runs.length, failures, flakyExecutions: passes > 0 ? failures : 0 };
  });
}

// Each step runs real tools (vitest, pytest, git, a PGlite or PostgreSQL store) several times.
describe.skipIf(!python)("org-flaky on a real vitest and a real pytest suite", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  let repo: FlakyRepo;
  let work: string;
  let all: FlakinessReport;
  const files: string[][] = [];

  beforeAll(async () => {
    repo = createFlakyRepo(python);
    work = mkdtempSync(join(tmpdir(), "org-flaky-stores-"));
    for (const run of RUNS) files.push([repo.vitest(run), repo.pytest(run, run % 2 === 0 ? "xunit1" : "xunit2")]);
    await record(join(work, "all"), RUNS);
    all = report(join(work, "all"));
  }, TOOL_HOOK_TIMEOUT);
  afterAll(() => {
    repo?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const record = async (db: string, runs: number[]) => {
    const store = await openDatabase({ db, cwd: repo.dir });
    try {
      for (const run of runs) await recordReports({ db: store, files: files[run]!, cwd: repo.dir, env: "ci" });
    } finally {
      await store.close();
    }
  };
  const report = (db: string) => {
    const result = orgFlaky(repo.dir, ["report", "--format", "json"], { ORG_FLAKY_DB: db });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as FlakinessReport;
  };

  test("report --format json counts each test's executions and flaky executions as the suites were designed", async () => {
    const got = all.tests.map((t) => ({
      id: t.id,
      executions: t.executions,
      failures: t.failures,
      flakyExecutions: t.flakyExecutions,
    }));
    expect(got.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected(RUNS).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  test("every test's origin comes from the commits that wrote its lines", () => {
    expect(Object.fromEntries(all.tests.map((t) => [t.id, t.origin]))).toEqual(FIXTURE_ORIGINS);
  });

  test("the flaky timeout test shows its hardcoded timeout line, found by org-guard", () => {
    const timeout = all.tests.find((t) => t.id === "tests/test_ai_proxy.py::test_proxy_request_via_api_key")!;
    expect(timeout.category).toBe("timeout");
    expect(timeout.guardFindings).toEqual([
      expect.objectContaining({
        file: "tests/test_ai_proxy.py",
        line: 14,
        rule: "no-hardcoded-timeout",
        source: expect.stringContaining("timeout=5"),
      }),
    ]);
    const assertion = all.tests.find((t) => t.id === "test/ai/proxy.test.ts::proxy > forwards the API key")!;
    expect(assertion.guardFindings).toEqual([]);
  });

  test("alert exits 1 when AI tests flake at more than 2x the human rate, with the numbers", () => {
    const result = orgFlaky(repo.dir, ["alert"], { ORG_FLAKY_DB: join(work, "all") });
    expect(result.code).toBe(1);
    // ai: 4 flaky of 24 executions; human: 1 of 20
    expect(result.stdout).toContain("ai 16.7 % (4/24) vs human 5.0 % (1/20)");
    expect(result.stdout).toMatch(/ratio 3\.33/);
  });

  test("with too little data alert says so and exits 0", async () => {
    const db = join(work, "two-runs");
    await record(db, [0, 1]);
    const result = orgFlaky(repo.dir, ["alert"], { ORG_FLAKY_DB: db });
    expect(result.stdout).toContain("not enough data");
    expect(result.code).toBe(0);
  });

  // FLAKE_PROFILE=equal: six runs in which the human tests flake exactly as often as the AI ones
  // (ai 6 flaky of 36 executions, human 5 of 30). Each test runs 6 times, under the 20 executions a
  // test needs before its own failure rate is judged, so the ratio alone decides the exit code.
  describe("at equal AI and human flake rates", () => {
    const equalDb = () => join(work, "equal");
    beforeAll(async () => {
      const store = await openDatabase({ db: equalDb(), cwd: repo.dir });
      try {
        for (const run of [0, 1, 2, 3, 4, 5]) {
          const env = { FLAKE_PROFILE: "equal" };
          const reports = [repo.vitest(run, { env }), repo.pytest(run, run % 2 === 0 ? "xunit1" : "xunit2", env)];
          await recordReports({ db: store, files: reports, cwd: repo.dir, env: "ci" });
        }
      } finally {
        await store.close();
      }
    }, TOOL_HOOK_TIMEOUT);

    test("alert exits 0: the ratio is judged with enough data and is within 2x", () => {
      const result = orgFlaky(repo.dir, ["alert"], { ORG_FLAKY_DB: equalDb() });
      expect(result.stdout).toContain(
        "AI/human ratio within threshold: ai 16.7 % (6/36) vs human 16.7 % (5/30): ratio 1.00",
      );
      expect(result.stdout).toContain("no alerts");
      expect(result.code).toBe(0);
    });

    test("a test failing past 5 % alerts on its own (exit 1, only test alerts); the ratio alert stays quiet", () => {
      // Judge every test from 6 executions: the four that failed 2 or 3 times of 6 are past 5 % with 95 % confidence.
      const judged = orgFlaky(repo.dir, ["alert", "--format", "json", "--min-test-executions", "6"], {
        ORG_FLAKY_DB: equalDb(),
      });
      expect(judged.code).toBe(1);
      const json = JSON.parse(judged.stdout) as {
        alerts: { kind: string; test?: string }[];
        ratio: { verdict: string; value: number };
      };
      expect(json.ratio).toMatchObject({ verdict: "within threshold", value: 1 });
      expect(json.alerts.map((a) => a.kind)).not.toContain("ratio");
      expect(json.alerts.map((a) => a.test).sort()).toEqual([
        "test/ai/proxy.test.ts::proxy > forwards the API key",
        "test/human/cache.test.ts::cache > evicts the oldest entry",
        "tests/test_ai_proxy.py::test_proxy_request_via_api_key",
        "tests/test_human_cache.py::test_cache_ttl_is_bounded",
      ]);
      // --test-rate 1 turns the per-test alert off: the ratio alone gates, and it is within 2x.
      const ratioOnly = orgFlaky(repo.dir, ["alert", "--min-test-executions", "6", "--test-rate", "1"], {
        ORG_FLAKY_DB: equalDb(),
      });
      expect(ratioOnly.code).toBe(0);
    });
  });

  test.skipIf(!pgUrl)("the same runs recorded in PostgreSQL give the same JSON report", async () => {
    const url = await createDatabase(pgUrl);
    await record(url, RUNS);
    expect(report(url)).toEqual(all);
  });

  test("the vitest reporter records a test that failed and passed on retry as a flaky execution", () => {
    const db = join(work, "all");
    repo.vitest(7, { retry: 1, reporter: REPORTER, env: { ORG_FLAKY_DB: db } });
    const json = report(db);
    const retried = json.tests.find((t) => t.id === "test/ai/proxy.test.ts::proxy > forwards the API key")!;
    // 4 JUnit runs (2 failed on the first and only attempt, 2 passed) + 1 run that passed on retry
    expect({
      executions: retried.executions,
      failures: retried.failures,
      flakyExecutions: retried.flakyExecutions,
    }).toEqual({
      executions: 5,
      failures: 2,
      flakyExecutions: 3,
    });
    const stable = json.tests.find((t) => t.id === "test/ai/proxy.test.ts::proxy > parses the key header")!;
    expect(stable.executions).toBe(5);
    expect(stable.flakyExecutions).toBe(0);
  });
});
