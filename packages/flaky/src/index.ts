export {
  analyse,
  judgeRatio,
  type AnalyseOptions,
  type DayPoint,
  type FlakinessReport,
  type GroupReport,
  type Interval,
  type RatioReport,
  type RatioVerdict,
  type TestReport,
} from "./analyse/analyse.ts";
export type { GuardFinding } from "./analyse/guard.ts";
export { alerts, type Alert, type AlertOptions, type AlertResult } from "./alert.ts";
export { flakinessByOrigin, type FlakinessByOriginOptions, type FlakinessSection } from "./audit-section.ts";
export { rateRatio, wilson } from "./analyse/stats.ts";
export { categorise, FAILURE_CATEGORIES, type FailureCategory } from "./categories.ts";
export { FLAKY_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
export { FlakyError, type FlakyErrorCode } from "./errors.ts";
export { parseJUnit, type JUnitReport, type ParseOptions } from "./junit/parse.ts";
export type { TestExecution } from "./junit/types.ts";
export { findTest, locateTests, type TestLocation } from "./origin/locate.ts";
export { OriginResolver, type Origin, type TestOrigin } from "./origin/resolve.ts";
export { formatHtml } from "./output/html.ts";
export { formatJson, formatMarkdown, formatTable } from "./output/text.ts";
export {
  pytestQuarantine,
  quarantineList,
  vitestQuarantine,
  type QuarantineEntry,
  type QuarantineOptions,
} from "./quarantine.ts";
export { recordExecutions, recordReports, type RecordOptions, type RecordResult } from "./record.ts";
export { runContext, type RunContext, type RunContextOptions } from "./run-context.ts";
export { MIGRATIONS, type Migration } from "./store/migrations.ts";
export { isPostgresUrl, openDatabase, storeLocation, type OpenStoreOptions } from "./store/open.ts";
export type { SqlClient, SqlDatabase } from "./store/sql.ts";
export { RUN_ENVS, type RunEnv, type StoredRun } from "./store/write.ts";
