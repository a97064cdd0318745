import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestRepo, type TestCommit } from "@org/provenance/testing";
import { alerts, type AlertResult } from "./alert.ts";
import { analyse, type FlakinessReport } from "./analyse/analyse.ts";
import { formatHtml } from "./output/html.ts";
import { formatJson, formatMarkdown } from "./output/text.ts";
import { recordReports } from "./record.ts";
import { openDatabase } from "./store/open.ts";

/** The example report in every output format, from one generated dataset. */
export interface ExampleReport {
  report: FlakinessReport;
  /** What `org-flaky alert` says about it. */
  alerts: AlertResult;
  /** `report --format markdown` (starts with a `###` heading). */
  markdown: string;
  /** `report --format html`: one self-contained file, Chart.js inlined. */
  html: string;
  /** `report --format json`. */
  json: string;
  /** One paragraph saying what the dataset is, for the page that shows the report. */
  description: string;
}

const DAYS = 14;
const FIRST_DAY = Date.parse("2026-07-01T00:00:00Z");
const DAY_MS = 86_400_000;

/** The repository: tests written in AI-assisted commits (tagged two ways) and by hand. */
const HISTORY: TestCommit[] = [
  {
    date: "2026-06-20T09:00:00Z",
    message: "Add cache tests",
    files: {
      "test/cache.test.ts": [
        'import { describe, expect, it } from "vitest";',
        "",
        'describe("cache", () => {',
        '  it("evicts the oldest entry", () => {',
        "    expect(evictOldest([1, 2, 3])).toEqual([2, 3]);",
        "  });",
        "",
        '  it("counts hits", () => {',
        "    expect(hits()).toBe(0);",
        "  });",
        "});",
        "",
      ].join("\n"),
      "tests/test_cache.py": [
        "def test_ttl_is_bounded():",
        "    assert TTL_MS <= 300_000",
        "",
        "",
        "def test_key_format():",
        '    assert cache_key("k_1") == "api_key:k_1:status"',
        "",
      ].join("\n"),
    },
  },
  {
    date: "2026-06-22T09:00:00Z",
    message: "[AI-ASSISTED] Add proxy tests",
    files: {
      "tests/test_proxy.py": [
        "import requests",
        "",
        'STAGING = "https://staging-proxy.company.com/request"',
        "",
        "",
        "def test_proxy_request_via_api_key():",
        "    response = requests.get(STAGING, headers=AUTH, timeout=5)",
        "    assert response.status_code == 200",
        "",
        "",
        "def test_key_header():",
        '    assert AUTH["Authorization"].startswith("Bearer ")',
        "",
      ].join("\n"),
    },
  },
  {
    date: "2026-06-24T09:00:00Z",
    message: "Add key rotation tests\n\nAI-Assisted: yes",
    files: {
      "test/keys.test.ts": [
        'import { describe, expect, it } from "vitest";',
        "",
        'describe("keys", () => {',
        '  it("rotates a key", async () => {',
        "    const next = await rotate(current);",
        "    expect(next.createdAt).toBeGreaterThan(current.createdAt);",
        "  });",
        "",
        '  it("parses the key header", () => {',
        '    expect(parseHeader("Bearer k_1")).toBe("k_1");',
        "  });",
        "});",
        "",
      ].join("\n"),
    },
  },
];

type Outcome = { failure?: { type: string; message: string } };

/**
 * Which test fails on which run: a function of the day and the run, never of chance, so the example
 * is the same on every build. Each failing test passes on another run of the same commit (flaky).
 */
function outcome(test: string, day: number, run: number, env: "ci" | "local"): Outcome {
  if (test === "test_proxy_request_via_api_key" && env === "ci" && (day + run) % 3 === 0)
    return {
      failure: {
        type: "requests.exceptions.ReadTimeout",
        message: "HTTPSConnectionPool(host='staging-proxy.company.com'): Read timed out. (read timeout=5)",
      },
    };
  if (test === "keys > rotates a key" && (day * 3 + run) % 7 === 0)
    return { failure: { type: "AssertionError", message: "expected 1782900000000 to be greater than 1782900000000" } };
  if (test === "cache > evicts the oldest entry" && day === 9 && run === 0)
    return { failure: { type: "AssertionError", message: "expected [ 1, 3 ] to deeply equal [ 2, 3 ]" } };
  return {};
}

const xmlAttr = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function testcase(classname: string, name: string, file: string | undefined, result: Outcome): string {
  const failure = result.failure
    ? `<failure type="${xmlAttr(result.failure.type)}" message="${xmlAttr(result.failure.message)}"/>`
    : "";
  return `<testcase classname="${classname}" name="${xmlAttr(name)}"${file ? ` file="${file}"` : ""} time="0.05">${failure}</testcase>`;
}

/** One run's two reports: vitest's `junit` reporter and pytest's `--junitxml`. */
function reports(day: number, run: number, env: "ci" | "local", at: string): [string, string] {
  const vitest = [
    ["test/cache.test.ts", "cache > evicts the oldest entry"],
    ["test/cache.test.ts", "cache > counts hits"],
    ["test/keys.test.ts", "keys > rotates a key"],
    ["test/keys.test.ts", "keys > parses the key header"],
  ]
    .map(([file, name]) => testcase(file!, name!, undefined, outcome(name!, day, run, env)))
    .join("");
  const pytest = [
    ["tests.test_cache", "test_ttl_is_bounded", "tests/test_cache.py"],
    ["tests.test_cache", "test_key_format", "tests/test_cache.py"],
    ["tests.test_proxy", "test_proxy_request_via_api_key", "tests/test_proxy.py"],
    ["tests.test_proxy", "test_key_header", "tests/test_proxy.py"],
  ]
    .map(([classname, name, file]) => testcase(classname!, name!, file, outcome(name!, day, run, env)))
    .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vitest tests"><testsuite name="vitest" timestamp="${at}">${vitest}</testsuite></testsuites>\n`,
    `<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="pytest" timestamp="${at}">${pytest}</testsuite></testsuites>\n`,
  ];
}

/**
 * Builds a demo dataset and reports on it, as the docs site's example page does at build time: a
 * generated git repository whose tests were written in AI-assisted and human commits, 14 days of
 * JUnit reports from vitest and pytest (two CI runs and one local run a day, one commit a day)
 * recorded in an in-memory store, then `report` in Markdown, HTML and JSON and `alert`'s verdict.
 * Deterministic: the same output on every call (the window is fixed, 2026-07-01 to 2026-07-14).
 * Needs `git` on the PATH.
 *
 * @example
 * import { exampleReport } from "@org/flaky/example";
 * const { markdown, html } = await exampleReport();
 */
export async function exampleReport(): Promise<ExampleReport> {
  const repo = createTestRepo("org-flaky-example-");
  const out = mkdtempSync(join(tmpdir(), "org-flaky-example-runs-"));
  const db = await openDatabase({ db: "memory://", cwd: repo.dir });
  try {
    repo.commits(HISTORY);
    let runs = 0;
    for (let day = 0; day < DAYS; day++) {
      for (const [run, env] of [
        [0, "ci"],
        [1, "ci"],
        [2, "local"],
      ] as const) {
        const at = new Date(FIRST_DAY + day * DAY_MS + (9 + run * 3) * 3_600_000).toISOString();
        const files = reports(day, run, env, at).map((xml, i) => {
          const file = join(out, `day-${day}-run-${run}-${i}.xml`);
          writeFileSync(file, xml);
          return file;
        });
        await recordReports({
          db,
          files,
          cwd: repo.dir,
          commit: `demo${String(day).padStart(2, "0")}`.padEnd(40, "0"),
          branch: "main",
          env,
          runId: `example-${day}-${run}`,
        });
        runs++;
      }
    }
    const report = await analyse({
      db,
      cwd: repo.dir,
      since: new Date(FIRST_DAY),
      until: new Date(FIRST_DAY + DAYS * DAY_MS),
    });
    return {
      report,
      alerts: alerts(report),
      markdown: formatMarkdown(report),
      html: formatHtml(report, { title: "Example: flakiness by origin" }),
      json: formatJson(report),
      description:
        `A generated repository with ${report.tests.length} tests: ${report.groups.ai.tests} written in AI-assisted commits ` +
        `(an \`[AI-ASSISTED]\` subject, an \`AI-Assisted: yes\` trailer) and ${report.groups.human.tests} by hand, in a ` +
        `vitest and a pytest suite. ${runs} runs over ${DAYS} days (two in CI and one local run a day, one commit a day) ` +
        "were recorded from their JUnit reports. An AI-written test that calls staging with a hardcoded `timeout=5` " +
        "times out in CI only; another AI test and one human test fail now and then.",
    };
  } finally {
    await db.close();
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  }
}
