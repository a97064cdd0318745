export { DEFAULT_TIMEOUT_APIS, type TimeoutApi } from "./apis.ts";
export { checkSource, type FileResult, type GuardMessage } from "./check.ts";
export { packageFacts, type PackageFacts } from "./package-facts.ts";
export {
  defaultGuardConfig,
  loadGuardConfig,
  resolveGuardConfig,
  type GuardConfig,
  type GuardConfigInput,
} from "./config.ts";
export { GuardError, type GuardErrorCode } from "./errors.ts";
export { formatJson } from "./formatters/json.ts";
export { formatPretty } from "./formatters/pretty.ts";
export { formatSarif } from "./formatters/sarif.ts";
export { isTimeoutName } from "./names.ts";
export { RULES, type RuleId, type RuleMeta, type Severity } from "./rules.ts";
export { checkFiles, type CheckFilesOptions, type CheckFilesResult } from "./run.ts";
export { DIRECTIVE } from "./suppressions.ts";
export { GUARD_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
