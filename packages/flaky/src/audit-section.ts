import { existsSync } from "node:fs";
import { join } from "node:path";
import { analyse, percent, type FlakinessReport } from "./analyse/analyse.ts";
import { formatMarkdown } from "./output/text.ts";
import { isPostgresUrl, openDatabase, storeLocation } from "./store/open.ts";

/** The section `org-audit report` adds (the shape of @org/audit's ReportSection). */
export interface FlakinessSection {
  id: "flakiness";
  title: string;
  data: Pick<FlakinessReport, "groups"> & { since: string; until: string; flakiest: FlakinessReport["tests"] };
  markdown: string;
}

export interface FlakinessByOriginOptions {
  /** The repository (the store defaults to its `.org-flaky/`). */
  cwd: string;
  /** `YYYY-MM-DD`, inclusive. */
  since: string;
  /** `YYYY-MM-DD`, exclusive. */
  until: string;
  /** @default ORG_FLAKY_DB, else `.org-flaky/` at the repository root */
  db?: string;
}

/**
 * Flakiness by origin over an audit window, or undefined when there is no store to read (a repository
 * that never recorded a run). Fits @org/audit's section providers: `(context) => flakinessByOrigin(context)`.
 */
export async function flakinessByOrigin(options: FlakinessByOriginOptions): Promise<FlakinessSection | undefined> {
  const location = storeLocation({ cwd: options.cwd, ...(options.db ? { db: options.db } : {}) });
  if (!isPostgresUrl(location) && !existsSync(join(location, "pgdata"))) return undefined;
  const db = await openDatabase({ cwd: options.cwd, db: location });
  let report: FlakinessReport;
  try {
    report = await analyse({
      db,
      cwd: options.cwd,
      since: new Date(`${options.since}T00:00:00Z`),
      until: new Date(`${options.until}T00:00:00Z`),
    });
  } finally {
    await db.close();
  }
  if (report.tests.length === 0) return undefined;
  const flakiest = report.tests.filter((t) => t.flakyExecutions > 0).slice(0, 10);
  const { ai, human } = report.groups;
  return {
    id: "flakiness",
    title: "Flakiness by origin",
    data: { since: options.since, until: options.until, groups: report.groups, flakiest },
    markdown: [
      `AI-assisted tests flaked in ${percent(ai.flakeRate)} of ${ai.executions} executions, human tests in ${percent(human.flakeRate)} of ${human.executions} (org-flaky).`,
      "",
      formatMarkdown(report, 10).split("\n").slice(2).join("\n"),
    ].join("\n"),
  };
}
