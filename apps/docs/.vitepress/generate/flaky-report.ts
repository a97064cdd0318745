import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alerts, analyse, formatMarkdown, openDatabase, recordReports } from "@org/flaky";
import { createTestRepo } from "@org/provenance/testing";
import { reshapeHeadings } from "./documents.ts";

/** One pytest test of the demo service and how it behaves over the demo's CI runs. */
interface DemoTest {
  file: string;
  name: string;
  /** The failure message of the runs it fails, and which runs those are. */
  fails?: { message: string; when: (run: number) => boolean };
}

const AI_TESTS = `def test_revoke_reaches_every_region():
    response = requests.post(STAGING + "/revoke", json={"key": KEY}, timeout=5)
    assert response.status_code == 200

def test_revoked_key_is_refused():
    response = requests.get(STAGING + "/keys/" + KEY, timeout=config.TIMEOUT)
    assert response.status_code == 404

def test_key_header():
    assert AUTH["Authorization"].startswith("Bearer ")
`;

const HUMAN_TESTS = `def test_ttl_bounded():
    assert TTL <= 300

def test_key_format():
    assert KEY.startswith("k_")

def test_rotation_keeps_old_key_for_grace_period():
    assert rotate(KEY).grace_seconds == 60
`;

const TESTS: DemoTest[] = [
  {
    file: "tests/test_revoke.py",
    name: "test_revoke_reaches_every_region",
    fails: {
      message: "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='staging'): Read timed out. (read timeout=5)",
      when: (run) => run % 4 === 1,
    },
  },
  {
    file: "tests/test_revoke.py",
    name: "test_revoked_key_is_refused",
    fails: { message: "AssertionError: assert 200 == 404", when: (run) => run === 17 },
  },
  { file: "tests/test_revoke.py", name: "test_key_header" },
  {
    file: "tests/test_keys.py",
    name: "test_ttl_bounded",
    fails: { message: "AssertionError: assert 600 <= 300", when: (run) => run === 9 },
  },
  { file: "tests/test_keys.py", name: "test_key_format" },
  { file: "tests/test_keys.py", name: "test_rotation_keeps_old_key_for_grace_period" },
];

/** CI runs of the demo, one a day from the window's first day, all of the same commit. */
const RUNS = 28;
const FIRST_DAY = Date.parse("2026-09-01T10:00:00Z");
const DAY_MS = 86_400_000;

function junit(run: number, at: Date): string {
  const cases = TESTS.map((test) => {
    const classname = test.file.replace(/\.py$/, "").replace(/\//g, ".");
    const failure = test.fails?.when(run) ? `<failure message="${test.fails.message.replace(/"/g, "&quot;")}"/>` : "";
    return `<testcase classname="${classname}" name="${test.name}" file="${test.file}" time="0.4">${failure}</testcase>`;
  });
  return `<testsuites><testsuite name="pytest" timestamp="${at.toISOString()}">${cases.join("")}</testsuite></testsuites>`;
}

/**
 * The example flakiness report: a generated repository where an assistant wrote one test file (with
 * the seed's `timeout=5`) and people wrote the other, 28 daily CI runs of its JUnit reports recorded
 * into an in-memory store by org-flaky's own `recordReports`, then analysed and printed by its own
 * Markdown report and alerts. Deterministic: fixed dates, fixed failures.
 */
export async function flakyReportPage(): Promise<string> {
  const repo = createTestRepo("org-docs-flaky-");
  const reports = mkdtempSync(join(tmpdir(), "org-docs-flaky-runs-"));
  const db = await openDatabase({ db: "memory://" });
  try {
    repo.commits([
      {
        date: "2026-08-20T09:00:00Z",
        message: "Add key tests",
        files: { "tests/test_keys.py": HUMAN_TESTS },
      },
      {
        date: "2026-08-24T09:00:00Z",
        message: "Add revocation tests\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        files: { "tests/test_revoke.py": AI_TESTS },
      },
    ]);
    for (let run = 0; run < RUNS; run++) {
      const at = new Date(FIRST_DAY + run * DAY_MS);
      const file = join(reports, `run-${run}.xml`);
      writeFileSync(file, junit(run, at));
      await recordReports({ db, files: [file], cwd: repo.dir, env: "ci", runId: `demo-${run}`, recordedAt: at });
    }
    const report = await analyse({
      db,
      cwd: repo.dir,
      since: new Date(FIRST_DAY - DAY_MS / 2),
      until: new Date(FIRST_DAY + RUNS * DAY_MS),
    });
    const { alerts: raised, notes } = alerts(report);
    return [
      "---",
      'title: "Example: flakiness by origin"',
      "---",
      "",
      "# Example: flakiness by origin",
      "",
      `What \`org-flaky report --format markdown\` prints for ${RUNS} daily CI runs of a small generated Python service:`,
      `${TESTS.length} pytest tests, three of them written with an assistant (tagged by a \`Co-authored-by\` trailer),`,
      "one of those calling staging with the seed's `timeout=5`. The runs are recorded with org-flaky's own",
      "`record` code and the report is rendered by org-flaky itself when this site is built.",
      "",
      "Produce your own: record every CI run's JUnit reports, then ask for the report and the alerts.",
      "",
      "```sh",
      "npx org-flaky record reports/*.xml --env ci",
      "npx org-flaky report --since 30d --format markdown > flaky.md",
      "npx org-flaky report --since 30d --format html -o flaky.html   # self-contained page with charts",
      "npx org-flaky alert --ratio 2 --test-rate 0.05                  # exit 1 on an alert",
      "```",
      "",
      "The process around it: [flakiness monitoring](/process/flakiness); the tool: [@org/flaky](/packages/flaky).",
      "",
      '<div class="org-report" v-pre>',
      "",
      reshapeHeadings(formatMarkdown(report), -1),
      "",
      "## Alerts",
      "",
      "What `org-flaky alert` reports for the same window (it exits 1 when there is any):",
      "",
      ...(raised.length > 0 ? raised.map((alert) => `- **${alert.kind}**: ${alert.message}`) : ["- none"]),
      ...notes.map((note) => `- note: ${note}`),
      "",
      "</div>",
    ].join("\n");
  } finally {
    await db.close();
    repo.remove();
    rmSync(reports, { recursive: true, force: true });
  }
}
