export { checkCommitMessage, DECLARATION_LINES, type CommitMessageVerdict } from "./commit-msg.ts";
export { CONTEXT_FILES, generateContext } from "./context.ts";
export { AuditError, type AuditErrorCode } from "./errors.ts";
export { checkPullRequest, gateMarkdown, type GateOptions, type GateReason, type GateResult } from "./gate.ts";
export { guidelineFor, RULE_GUIDELINES } from "./guidelines.ts";
export { untickedItems, AI_CHECKLIST_ID } from "./checklist-body.ts";
export { collectReport, groupOf, quarterWindow, type ReportOptions } from "./report/collect.ts";
export { reportHtml } from "./report/html.ts";
export { reportMarkdown } from "./report/markdown.ts";
export type {
  AuditReport,
  FixupCommit,
  GroupChanges,
  OriginCounts,
  ReportContext,
  ReportSection,
  ReportSectionProvider,
  RuleDensity,
} from "./report/types.ts";
export { AUDIT_ERROR_CODES, type ErrorCodeInfo } from "./error-codes.ts";
