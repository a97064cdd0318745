import { randomUUID } from "node:crypto";
import { relative } from "node:path";
import type { Reporter, TestCase, TestModule, TestRunEndReason, Vitest } from "vitest/node";
import { categorise } from "./categories.ts";
import type { TestExecution } from "./junit/types.ts";
import { recordExecutions } from "./record.ts";
import { runContext } from "./run-context.ts";
import { openDatabase } from "./store/open.ts";
import type { RunEnv } from "./store/write.ts";

export interface FlakyReporterOptions {
  /** @default process.env.ORG_FLAKY_DB, else `.org-flaky/` at the repository root */
  db?: string;
  /** @default `staging` when CI runs with ORG_ENV=staging, `ci` under CI, else `local` */
  env?: RunEnv;
  /** @default from CI variables, else `git rev-parse HEAD` in the vitest root */
  commit?: string;
  branch?: string;
  /** @default process.env.ORG_FLAKY_RUN_ID, else a new id per vitest run */
  runId?: string;
}

/**
 * A vitest reporter that records every run in the flakiness store, retries included: a test that
 * failed and then passed on `retry` is a flaky execution on that commit.
 * @example
 * // vitest.config.ts
 * import FlakyReporter from "@org/flaky/vitest";
 * export default defineConfig({ test: { reporters: ["default", new FlakyReporter()] } });
 */
export default class FlakyReporter implements Reporter {
  private vitest: Vitest | undefined;
  private started = new Date();

  constructor(private readonly options: FlakyReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    this.started = new Date();
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _errors: unknown,
    reason: TestRunEndReason,
  ): Promise<void> {
    const log = (text: string) => (this.vitest ? this.vitest.logger.log(text) : console.log(text));
    if (reason === "interrupted") {
      log("[org-flaky] the run was interrupted; nothing recorded");
      return;
    }
    const root = this.vitest?.config.root ?? process.cwd();
    const executions: TestExecution[] = [];
    for (const module of testModules) {
      const file = relative(root, module.moduleId).replace(/\\/g, "/");
      for (const test of module.children.allTests()) {
        const execution = toExecution(test, file);
        if (execution) executions.push(execution);
      }
    }
    const db = await openDatabase({ cwd: root, ...(this.options.db ? { db: this.options.db } : {}) });
    try {
      const context = runContext({
        cwd: root,
        ...(this.options.commit ? { commit: this.options.commit } : {}),
        ...(this.options.branch ? { branch: this.options.branch } : {}),
        ...(this.options.env ? { env: this.options.env } : {}),
      });
      const id = this.options.runId ?? process.env.ORG_FLAKY_RUN_ID ?? `vitest:${randomUUID()}`;
      const result = await recordExecutions(
        db,
        { id, ...context, source: "vitest", recordedAt: this.started },
        executions,
      );
      log(
        result.stored
          ? `[org-flaky] recorded ${result.executions} executions (${result.failed} failed, ${result.flakyOnRetry} passed on retry) in ${db.location}`
          : `[org-flaky] run ${id} was already recorded; nothing stored`,
      );
    } finally {
      await db.close();
    }
  }
}

function toExecution(test: TestCase, file: string): TestExecution | undefined {
  const result = test.result();
  if (result.state === "pending") return undefined;
  const diagnostic = test.diagnostic();
  const base = {
    file,
    name: test.fullName,
    durationMs: diagnostic?.duration ?? null,
    retries: diagnostic?.retryCount ?? 0,
  };
  if (result.state === "skipped")
    return { ...base, status: "skipped", retries: 0, message: null, failureType: null, category: null };
  // A failure hidden by the generated quarantine setup is recorded as the failure it was.
  const quarantined = (test.meta() as { orgFlakyQuarantined?: { errors: string[] } }).orgFlakyQuarantined;
  const errors = quarantined
    ? quarantined.errors.map((message) => ({ message, name: undefined }))
    : (result.errors ?? []);
  const failed = result.state === "failed" || quarantined !== undefined;
  const first = errors[0] as { message?: string; name?: string } | undefined;
  const message = first?.message ? first.message.split("\n")[0]!.slice(0, 2000) : null;
  const failureType = first?.name ?? null;
  const hasFailure = failed || base.retries > 0;
  return {
    ...base,
    status: failed ? "failed" : "passed",
    message: hasFailure ? message : null,
    failureType: hasFailure ? failureType : null,
    category: hasFailure ? categorise(failureType, message) : null,
  };
}
