import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alerts, analyse, openDatabase, recordReports } from "@org/flaky";
import { createTestRepo } from "@org/provenance/testing";

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** Part 4: JUnit runs recorded in the flakiness store, the AI/human ratio and the seed's alerts. */
export async function flakyDemo(say: (line?: string) => void): Promise<void> {
  say();
  say("== Flakiness by origin (org-flaky) ==");
  const repo = createTestRepo("org-demo-flaky-");
  const out = mkdtempSync(join(tmpdir(), "org-demo-flaky-runs-"));
  const db = await openDatabase({ db: "memory://" });
  try {
    repo.commits([
      {
        message: "[AI-ASSISTED] Add proxy tests",
        files: {
          "tests/test_proxy.py": [
            "def test_proxy_request_via_api_key():",
            "    response = requests.get(STAGING, headers=AUTH, timeout=5)",
            "    assert response.status_code == 200",
            "",
            "def test_key_header():",
            '    assert AUTH["Authorization"].startswith("Bearer ")',
            "",
          ].join("\n"),
        },
      },
      {
        message: "Add cache tests",
        files: {
          "tests/test_cache.py":
            "def test_ttl_bounded():\n    assert TTL <= 300\n\ndef test_key_format():\n    assert KEY\n",
        },
      },
    ]);
    // Twenty CI runs of one commit (a test's failure rate is judged from 20 runs on): the AI test times out in every third run, a human test fails once.
    for (let run = 0; run < 20; run++) {
      const testcase = (file: string, name: string, failure?: string) =>
        `<testcase classname="tests.${file}" name="${name}" file="tests/${file}.py" time="0.2">${failure ? `<failure message="${failure}"/>` : ""}</testcase>`;
      const xml = `<testsuites><testsuite name="pytest" timestamp="${new Date().toISOString()}">
        ${testcase("test_proxy", "test_proxy_request_via_api_key", run % 3 === 2 ? "requests.exceptions.ReadTimeout: Read timed out. (read timeout=5)" : undefined)}
        ${testcase("test_proxy", "test_key_header")}
        ${testcase("test_cache", "test_ttl_bounded", run === 7 ? "AssertionError: assert 600 <= 300" : undefined)}
        ${testcase("test_cache", "test_key_format")}
      </testsuite></testsuites>`;
      writeFileSync(join(out, `run-${run}.xml`), xml);
      await recordReports({ db, files: [join(out, `run-${run}.xml`)], cwd: repo.dir, env: "ci", runId: `demo-${run}` });
    }
    const report = await analyse({ db, cwd: repo.dir });
    const { ai, human, ratio } = report.groups;
    say(`  recorded 20 CI runs of ${report.tests.length} pytest tests on one commit`);
    say(
      `  AI-assisted tests: ${ai.flakyExecutions}/${ai.executions} flaky executions (${pct(ai.flakeRate)}); human: ${human.flakyExecutions}/${human.executions} (${pct(human.flakeRate)})`,
    );
    say(
      `  AI/human ratio ${ratio.value?.toFixed(1) ?? "n/a"} (95% CI ${ratio.interval?.map((x) => x.toFixed(1)).join("-") ?? "n/a"}) against 2x: ${ratio.verdict}`,
    );
    const worst = report.tests[0]!;
    say(
      `  flakiest: ${worst.id} (${worst.origin}, ${worst.category} failures)${worst.guardFindings.map((f) => `, hardcoded at ${f.file}:${f.line}: ${f.source}`).join("")}`,
    );
    for (const alert of alerts(report).alerts) say(`  ALERT ${alert.message}`);
  } finally {
    await db.close();
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  }
}
