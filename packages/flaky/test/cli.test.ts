import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { flakyCli } from "../src/cli.ts";
import { openDatabase, recordExecutions, type FlakinessReport, type TestExecution } from "../src/index.ts";
import { createFlakyRepo, FIXTURE_ORIGINS, type FlakyRepo } from "./support/fixture-repo.ts";
import { TOOL_HOOK_TIMEOUT } from "./support/profile.ts";

const RUNS = 24;
const TIMEOUT_TEST = "tests/test_ai_proxy.py::test_proxy_request_via_api_key";
const ASSERTION_TEST = "test/ai/proxy.test.ts::proxy > forwards the API key";
const HUMAN_FLAKY = "test/human/cache.test.ts::cache > evicts the oldest entry";

/** How each fixture test does on run `run` (by design, so every count below is known). */
function outcome(id: string, run: number): Pick<TestExecution, "status" | "message" | "failureType" | "category"> {
  const pass = { status: "passed" as const, message: null, failureType: null, category: null };
  if (id === TIMEOUT_TEST && run % 3 === 0)
    return {
      status: "failed",
      message: "staging proxy did not answer within 5 s",
      failureType: "TimeoutError",
      category: "timeout",
    };
  if (id === ASSERTION_TEST && run % 4 === 1)
    return { status: "failed", message: "expected status 200, got 503", failureType: "Error", category: "assertion" };
  if (id === HUMAN_FLAKY && run === 5)
    return { status: "failed", message: "expected 2 to be 3", failureType: "AssertionError", category: "assertion" };
  return pass;
}

/** Runs `org-flaky` in this process (the same command table the bin runs), capturing its output. */
async function cli(cwd: string, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await flakyCli("0.0.0-test").run(args, {
    cwd,
    env: {},
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

// The commands in-process (the monitor suite runs the built bin on real vitest and pytest output): a
// git repository whose test files come from AI-assisted and human commits, and a store of 24 runs.
describe("org-flaky commands on a store of known runs", { timeout: TOOL_HOOK_TIMEOUT }, () => {
  let repo: FlakyRepo;
  let db: string;
  let json: FlakinessReport;

  beforeAll(async () => {
    repo = createFlakyRepo("");
    db = join(repo.out, "store");
    const store = await openDatabase({ db, cwd: repo.dir });
    try {
      for (let run = 0; run < RUNS; run++) {
        const executions = Object.keys(FIXTURE_ORIGINS).map((id) => {
          const file = id.slice(0, id.indexOf("::"));
          return { file, name: id.slice(file.length + 2), retries: 0, durationMs: 3, ...outcome(id, run) };
        });
        await recordExecutions(
          store,
          {
            id: `known-${run}`,
            commit: repo.commit,
            branch: "main",
            env: run % 6 === 2 ? "local" : "ci",
            source: "junit",
            url: null,
            recordedAt: new Date(Date.now() - (RUNS - run) * 3_600_000),
          },
          executions,
        );
      }
    } finally {
      await store.close();
    }
    const result = await cli(repo.dir, ["report", "--format", "json", "--db", db]);
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout) as FlakinessReport;
  }, TOOL_HOOK_TIMEOUT);
  afterAll(() => repo?.remove());

  test("report --format json: counts, origins from git, and the flaky timeout test's hardcoded line", () => {
    const byId = new Map(json.tests.map((t) => [t.id, t]));
    expect(json.tests).toHaveLength(Object.keys(FIXTURE_ORIGINS).length);
    for (const [id, origin] of Object.entries(FIXTURE_ORIGINS)) expect(byId.get(id)?.origin, id).toBe(origin);
    // fails on runs 0, 3, ... 21 (8 of 24), passes on the others of the same commit: every failure is flaky
    expect(byId.get(TIMEOUT_TEST)).toMatchObject({
      executions: 24,
      failures: 8,
      flakyExecutions: 8,
      category: "timeout",
      lastFailure: "staging proxy did not answer within 5 s",
      ciOnly: true,
    });
    expect(byId.get(TIMEOUT_TEST)!.guardFindings).toEqual([
      expect.objectContaining({ file: "tests/test_ai_proxy.py", rule: "no-hardcoded-timeout" }),
    ]);
    expect(byId.get(TIMEOUT_TEST)!.guardFindings[0]!.source).toContain("timeout=5");
    expect(byId.get(ASSERTION_TEST)).toMatchObject({ failures: 6, flakyExecutions: 6, category: "assertion" });
    expect(byId.get(ASSERTION_TEST)!.guardFindings).toEqual([]);
    expect(json.groups.ai).toMatchObject({ tests: 6, executions: 144, flakyExecutions: 14 });
    expect(json.groups.human).toMatchObject({ tests: 5, executions: 120, flakyExecutions: 1 });
    expect(json.groups.ratio.verdict).toBe("above threshold");
    expect(json.series.reduce((n, d) => n + d.ai.executions + d.human.executions, 0)).toBe(264);
  });

  test("report as a table and as markdown name the flaky tests and the verdict", async () => {
    const table = await cli(repo.dir, ["report", "--db", db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("AI-assisted: 6 tests, 14/144 flaky executions");
    expect(table.stdout).toMatch(/AI\/human flake-rate ratio: [\d.]+ .*above threshold/);
    expect(table.stdout).toContain(`${TIMEOUT_TEST}: hardcoded timeout at tests/test_ai_proxy.py:`);
    const markdown = await cli(repo.dir, ["report", "--format", "markdown", "--db", db]);
    expect(markdown.stdout).toContain("| AI-assisted | 6 | 14 / 144 |");
    expect(markdown.stdout).toContain(`| \`${ASSERTION_TEST}\` | ai | 6 / 24 |`);
  });

  test("report --format html -o writes one self-contained page and says where", async () => {
    const result = await cli(repo.dir, ["report", "--format", "html", "-o", "flaky.html", "--db", db]);
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "wrote flaky.html" });
    const html = readFileSync(join(repo.dir, "flaky.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain(TIMEOUT_TEST);
  });

  test("alert exits 1 with the ratio and the test past 5 %; raised thresholds exit 0", async () => {
    const fired = await cli(repo.dir, ["alert", "--min-test-executions", "20", "--db", db]);
    expect(fired.code).toBe(1);
    expect(fired.stdout).toMatch(/^ALERT .*AI tests/m);
    expect(fired.stdout).toContain(`ALERT ${TIMEOUT_TEST}`);
    const asJson = await cli(repo.dir, ["alert", "--format", "json", "--db", db]);
    expect(asJson.code).toBe(1);
    const parsed = JSON.parse(asJson.stdout) as {
      alerts: { kind: string; test?: string }[];
      ratio: { verdict: string };
    };
    expect(parsed.ratio.verdict).toBe("above threshold");
    expect(parsed.alerts.map((a) => a.kind)).toContain("ratio");
    expect(parsed.alerts.filter((a) => a.kind === "test").map((a) => a.test)).toContain(TIMEOUT_TEST);
    const quiet = await cli(repo.dir, ["alert", "--ratio", "100", "--test-rate", "1", "--db", db]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^AI\/human ratio within threshold: .*\nno alerts$/);
  });

  test("quarantine lists the tests flaking above the threshold for each runner", async () => {
    const list = await cli(repo.dir, ["quarantine", "--db", db]);
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.stdout) as { tests: { id: string; expires: string }[] }).tests.map((t) => t.id);
    expect(ids.sort()).toEqual([ASSERTION_TEST, TIMEOUT_TEST].sort());
    const vitest = await cli(repo.dir, ["quarantine", "--format", "vitest", "--days", "7", "--db", db]);
    expect(vitest.stdout).toContain(JSON.stringify(ASSERTION_TEST));
    const pytest = await cli(repo.dir, ["quarantine", "--format", "pytest", "--threshold", "0.3", "--db", db]);
    expect(pytest.stdout).toContain("xfail");
    expect(pytest.stdout).toContain(JSON.stringify(TIMEOUT_TEST));
    expect(pytest.stdout).not.toContain(JSON.stringify(ASSERTION_TEST));
  });

  test("record stores a JUnit file once; a malformed one exits 2 naming its line and stores nothing", async () => {
    const store = join(repo.out, "record-store");
    const good = join(repo.out, "good.xml");
    writeFileSync(
      good,
      `<testsuites><testsuite name="s"><testcase classname="test/human/cache.test.ts" name="cache &gt; counts hits" time="0.01"/></testsuite></testsuites>`,
    );
    const args = ["record", good, "--commit", "abc123", "--env", "ci", "--db", store];
    const first = await cli(repo.dir, args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^recorded run junit:[0-9a-f]{32} \(ci, abc123\): 1 executions, 0 failed, 0 passed on retry/,
    );
    expect((await cli(repo.dir, args)).stdout).toMatch(/is already recorded in .*; nothing stored$/);
    const bad = join(repo.out, "bad.xml");
    writeFileSync(bad, `<testsuites>\n<testsuite name="s">\n<testcase name="cut"`);
    const refused = await cli(repo.dir, ["record", bad, "--commit", "def456", "--db", store]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.xml:3: not a valid JUnit XML report/);
    const after = await cli(repo.dir, ["report", "--format", "json", "--since", "2000-01-01", "--db", store]);
    expect((JSON.parse(after.stdout) as FlakinessReport).tests.map((t) => t.executions)).toEqual([1]);
  });

  test.each([
    [["report", "--since", "yesterday"], /--since must be days \(30d\), weeks \(4w\) or a date/],
    [["report", "--ratio", "0"], /--ratio must be a positive number/],
    [["alert", "--test-rate", "1.5"], /--test-rate must be a rate between 0 and 1/],
    [["alert", "--min-executions", "many"], /--min-executions must be a whole number/],
    [["record"], /junit\.xml/],
  ])("%j is a usage error (exit 2) that says what to pass", async (args, message) => {
    const result = await cli(repo.dir, [...args, "--db", join(repo.out, "unused")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test("--since accepts weeks and dates; a window with no runs reports no tests", async () => {
    const weeks = await cli(repo.dir, ["report", "--format", "json", "--since", "2w", "--db", db]);
    expect((JSON.parse(weeks.stdout) as FlakinessReport).tests).toHaveLength(11);
    const future = await cli(repo.dir, ["report", "--since", "2999-01-01", "--db", db]);
    expect(future.stdout).toContain("No flaky or failing tests among 0.");
  });
});
