import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliUsageError, command, defineCli, type CliIo } from "@org/cli-kit";
import { alerts, DEFAULT_MIN_TEST_EXECUTIONS } from "./alert.ts";
import type { FlakinessReport } from "./analyse/analyse.ts";
import type { OpenStoreOptions } from "./store/open.ts";
import { RUN_ENVS, type RunEnv } from "./store/write.ts";

// Each command imports what it runs when it runs: `record` never loads the analysis (git, parsers,
// org-guard), `report` never loads the XML parser, and `--help` loads neither. A cold process pays
// for its modules; see bench/speed.mjs.

export interface FlakyIo extends CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const STORE = {
  db: {
    type: "string",
    valueName: "dir|url",
    description:
      "Store: a PGlite directory or postgres:// URL (default: ORG_FLAKY_DB, else .org-flaky/ at the repo root)",
  },
} as const;

const WINDOW = {
  since: {
    type: "string",
    default: "30d",
    valueName: "30d|YYYY-MM-DD",
    description: "Window: days (30d), weeks (4w) or a date",
  },
  "min-executions": {
    type: "string",
    default: "20",
    valueName: "n",
    description: "Executions each of the AI and human groups needs before their ratio is judged",
  },
  ratio: { type: "string", default: "2", valueName: "x", description: "AI/human flake-rate ratio that alerts" },
} as const;

export const flakyCli = (version: string) =>
  defineCli<FlakyIo>({
    name: "org-flaky",
    version,
    summary:
      "Flake rates of AI-assisted and human tests from JUnit reports and vitest runs; alerts when AI tests flake at more than 2x the human rate.",
    footer: [
      "Exit codes: 0 ok, 1 alerts (alert), 2 usage or input error (bad XML is refused and nothing is stored).",
      "Examples:",
      "  org-flaky record reports/junit.xml --env ci",
      "  org-flaky report --since 14d --format markdown",
      "  org-flaky alert --ratio 2 --test-rate 0.05",
    ].join("\n"),
    exitCodes: {
      ORG_FLAKY_USAGE: "usage",
      ORG_FLAKY_BAD_XML: 2,
      ORG_FLAKY_INPUT: 2,
      ORG_FLAKY_STORE: 2,
      ORG_FLAKY_GIT: 2,
    },
    commands: {
      record: command({
        summary: "Store the JUnit XML reports of one run",
        args: "<junit.xml...>",
        description:
          "Every file is parsed before anything is stored; a malformed or truncated file is refused with its line. Recording the same run twice stores it once.",
        options: {
          commit: {
            type: "string",
            valueName: "sha",
            description: "Commit tested (default: GITHUB_SHA, CI_COMMIT_SHA, git rev-parse HEAD)",
          },
          branch: { type: "string", valueName: "name", description: "Branch (default: from CI variables or git)" },
          env: {
            type: "string",
            choices: RUN_ENVS,
            description: "Where it ran (default: staging when CI runs with ORG_ENV=staging, ci under CI, else local)",
          },
          "run-id": {
            type: "string",
            valueName: "id",
            description: "Run id (default: a digest of the commit and the files)",
          },
          ...STORE,
        },
        async run({ values, args, io }) {
          const { parseReports, storeReports } = await import("./record.ts");
          const { openDatabase, prepareStore, storeLocation } = await import("./store/open.ts");
          const store = { cwd: io.cwd, db: storeLocation(storeOptions(values.db, io)) };
          // PGlite compiles its WebAssembly on background threads while the reports parse here.
          await prepareStore(store);
          const parsed = parseReports({ cwd: io.cwd, files: args.map((file) => resolve(io.cwd, file)) });
          const db = await openDatabase(store);
          try {
            const result = await storeReports(db, parsed, {
              cwd: io.cwd,
              ...(values.commit ? { commit: values.commit } : {}),
              ...(values.branch ? { branch: values.branch } : {}),
              ...(values.env ? { env: values.env as RunEnv } : {}),
              ...(values["run-id"] ? { runId: values["run-id"] } : {}),
              environment: io.env,
            });
            io.stdout(
              result.stored
                ? `recorded run ${result.runId} (${result.env}, ${result.commit.slice(0, 12)}): ${result.executions} executions, ${result.failed} failed, ${result.flakyOnRetry} passed on retry -> ${db.location}`
                : `run ${result.runId} is already recorded in ${db.location}; nothing stored`,
            );
          } finally {
            await db.close();
          }
        },
      }),
      report: command({
        summary: "Flake rates per test and for AI-assisted vs human tests",
        options: {
          format: {
            type: "string",
            choices: ["table", "json", "markdown", "html"],
            default: "table",
            description: "Output format",
          },
          output: { type: "string", short: "o", valueName: "file", description: "Write to a file instead of stdout" },
          ...WINDOW,
          ...STORE,
        },
        async run({ values, io }) {
          const report = await analyseWith(values, io);
          const { formatJson, formatMarkdown, formatTable } = await import("./output/text.ts");
          const { formatHtml } = values.format === "html" ? await import("./output/html.ts") : { formatHtml: null };
          const text =
            values.format === "json"
              ? formatJson(report)
              : values.format === "markdown"
                ? formatMarkdown(report)
                : formatHtml
                  ? formatHtml(report)
                  : formatTable(report);
          if (values.output) {
            writeFileSync(resolve(io.cwd, values.output), text);
            io.stderr(`wrote ${values.output}`);
          } else io.stdout(text);
        },
      }),
      alert: command({
        summary: "Exit 1 when AI tests flake above the ratio, or a test fails past the test rate",
        description:
          "Two independent alerts, either of which exits 1: the AI/human ratio (judged only when each group has --min-executions; below that it says 'not enough data' and stays quiet) and each test's failure rate (judged once the test has --min-test-executions). A flaky test can alert on its own while the ratio is within threshold; --format json gives each alert's kind (ratio or test), and --test-rate 1 turns the per-test alert off.",
        options: {
          "test-rate": {
            type: "string",
            default: "0.05",
            valueName: "rate",
            description: "Failure rate a test must exceed (95 % confidence) to alert",
          },
          "min-test-executions": {
            type: "string",
            default: String(DEFAULT_MIN_TEST_EXECUTIONS),
            valueName: "n",
            description: "Executions a test needs before it can alert",
          },
          format: {
            type: "string",
            choices: ["text", "json"],
            default: "text",
            description: "Output format (json for bots)",
          },
          ...WINDOW,
          ...STORE,
        },
        async run({ values, io }) {
          // Options are checked before the store is opened: a typo costs no store start-up.
          const options = {
            testRate: fraction(values["test-rate"], "--test-rate"),
            minTestExecutions: count(values["min-test-executions"], "--min-test-executions"),
          };
          const report = await analyseWith(values, io);
          const result = alerts(report, options);
          if (values.format === "json")
            io.stdout(
              JSON.stringify(
                { ...result, ratio: report.groups.ratio, groups: { ai: report.groups.ai, human: report.groups.human } },
                null,
                2,
              ),
            );
          else {
            for (const alert of result.alerts) io.stdout(`ALERT ${alert.message}`);
            for (const note of result.notes) io.stdout(note);
            if (result.alerts.length === 0) io.stdout("no alerts");
          }
          return result.alerts.length > 0 ? 1 : 0;
        },
      }),
      quarantine: command({
        summary: "The tests to quarantine, for vitest or pytest, with an expiry date",
        options: {
          format: {
            type: "string",
            choices: ["json", "vitest", "pytest"],
            default: "json",
            description: "json, a vitest setup file, or a conftest.py snippet",
          },
          threshold: {
            type: "string",
            default: "0.05",
            valueName: "rate",
            description: "Flake rate above which a test is quarantined",
          },
          days: { type: "string", default: "14", valueName: "n", description: "Days until the quarantine expires" },
          since: WINDOW.since,
          ...STORE,
        },
        async run({ values, io }) {
          const options = { threshold: fraction(values.threshold, "--threshold"), days: count(values.days, "--days") };
          const report = await analyseWith({ ...values, "min-executions": "0", ratio: "2" }, io);
          const { pytestQuarantine, quarantineList, vitestQuarantine } = await import("./quarantine.ts");
          const entries = quarantineList(report, options);
          io.stdout(
            values.format === "vitest"
              ? vitestQuarantine(entries)
              : values.format === "pytest"
                ? pytestQuarantine(entries)
                : JSON.stringify({ tests: entries }, null, 2),
          );
        },
      }),
    },
  });

/** The store named by --db, else by the environment the CLI was given. */
function storeOptions(db: string | undefined, io: FlakyIo): OpenStoreOptions {
  return { cwd: io.cwd, ...(db ? { db } : io.env.ORG_FLAKY_DB ? { db: io.env.ORG_FLAKY_DB } : {}) };
}

async function analyseWith(
  values: { since: string; "min-executions": string; ratio: string; db?: string | undefined },
  io: FlakyIo,
): Promise<FlakinessReport> {
  const since = parseSince(values.since);
  const ratioThreshold = Number(values.ratio);
  if (!(ratioThreshold > 0)) throw new CliUsageError(`--ratio must be a positive number (got "${values.ratio}")`);
  const minExecutions = count(values["min-executions"], "--min-executions");
  const { analyse } = await import("./analyse/analyse.ts");
  const { openDatabase } = await import("./store/open.ts");
  const db = await openDatabase(storeOptions(values.db, io));
  try {
    return await analyse({
      db,
      cwd: io.cwd,
      since,
      ratioThreshold,
      minExecutions,
    });
  } finally {
    await db.close();
  }
}

/** `30d`, `4w` or `YYYY-MM-DD`. */
export function parseSince(text: string, now = new Date()): Date {
  const relative = /^(\d+)([dw])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * (relative[2] === "w" ? 7 : 1) * 86_400_000);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && Number.isFinite(Date.parse(`${text}T00:00:00Z`)))
    return new Date(`${text}T00:00:00Z`);
  throw new CliUsageError(`--since must be days (30d), weeks (4w) or a date (2026-01-31), not "${text}"`);
}

function count(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliUsageError(`${flag} must be a whole number (got "${text}")`);
  return Number(text);
}

function fraction(text: string, flag: string): number {
  const value = Number(text);
  if (!(text.trim() !== "" && value >= 0 && value <= 1))
    throw new CliUsageError(`${flag} must be a rate between 0 and 1, e.g. 0.05 (got "${text}")`);
  return value;
}
