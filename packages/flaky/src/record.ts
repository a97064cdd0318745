import { createHash, type Hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { FlakyError } from "./errors.ts";
import { parseJUnit } from "./junit/parse.ts";
import type { TestExecution } from "./junit/types.ts";
import { runContext, type RunContextOptions } from "./run-context.ts";
import type { SqlDatabase } from "./store/sql.ts";
import { writeRun, type StoredRun } from "./store/write.ts";

export interface RecordOptions extends Omit<RunContextOptions, "cwd"> {
  /** JUnit XML reports of one run; all are parsed before anything is stored. */
  files: readonly string[];
  db: SqlDatabase;
  /** Resolves the reports' relative paths and dotted class names. @default process.cwd() */
  cwd?: string;
  /**
   * Identifies the run: recording a run id that is already stored stores nothing.
   * @default a digest of the commit and the reports' bytes (the same files record once)
   */
  runId?: string;
  /** When the run happened. @default the earliest `timestamp` in the reports, else now */
  recordedAt?: Date;
}

export interface RecordResult {
  runId: string;
  /** false when this run was already stored. */
  stored: boolean;
  commit: string;
  env: StoredRun["env"];
  executions: number;
  failed: number;
  flakyOnRetry: number;
}

/** Parses JUnit reports and stores them as one run: all or nothing, once per run id. */
export async function recordReports(options: RecordOptions): Promise<RecordResult> {
  return storeReports(options.db, parseReports(options), options);
}

/** JUnit reports read and parsed, not yet stored. */
export interface ParsedReports {
  executions: TestExecution[];
  /** The earliest `timestamp` in the reports. */
  started: Date | null;
  /** The reports' bytes, for the default run id. */
  digest: Hash;
}

/** Reads and parses every report (a malformed one throws, naming its file and line). */
export function parseReports(options: Pick<RecordOptions, "files" | "cwd">): ParsedReports {
  const cwd = options.cwd ?? process.cwd();
  if (options.files.length === 0) throw new FlakyError("ORG_FLAKY_USAGE", "name at least one JUnit XML file to record");
  const digest = createHash("sha256");
  const executions: TestExecution[] = [];
  let started: Date | null = null;
  for (const file of options.files) {
    let xml: string;
    try {
      xml = readFileSync(file, "utf8");
    } catch (error) {
      throw new FlakyError(
        "ORG_FLAKY_INPUT",
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was stored`,
        {
          cause: error,
        },
      );
    }
    const report = parseJUnit(xml, relative(cwd, file) || file, { root: cwd });
    executions.push(...report.executions);
    if (report.timestamp && (started === null || report.timestamp < started)) started = report.timestamp;
    digest.update(`${file.length}:`).update(xml);
  }
  return { executions, started, digest };
}

/** Stores reports parsed by `parseReports` as one run (what `recordReports` does after parsing). */
export async function storeReports(
  db: SqlDatabase,
  parsed: ParsedReports,
  options: Omit<RecordOptions, "db" | "files">,
): Promise<RecordResult> {
  const context = runContext({ ...options, cwd: options.cwd ?? process.cwd() });
  const runId = options.runId ?? `junit:${parsed.digest.update(context.commit).digest("hex").slice(0, 32)}`;
  return recordExecutions(
    db,
    { id: runId, ...context, source: "junit", recordedAt: options.recordedAt ?? parsed.started ?? new Date() },
    parsed.executions,
  );
}

/** Stores executions gathered by other means (the vitest reporter) as one run. */
export async function recordExecutions(
  db: SqlDatabase,
  run: StoredRun,
  executions: readonly TestExecution[],
): Promise<RecordResult> {
  const stored = await writeRun(db, run, executions);
  const counted = executions.filter((e) => e.status !== "skipped");
  return {
    runId: run.id,
    stored,
    commit: run.commit,
    env: run.env,
    executions: counted.length,
    failed: counted.filter((e) => e.status === "failed").length,
    flakyOnRetry: counted.filter((e) => e.status === "passed" && e.retries > 0).length,
  };
}
