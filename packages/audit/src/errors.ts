import { CodedError } from "@org/cli-kit/error";

export type AuditErrorCode = "ORG_AUDIT_USAGE" | "ORG_AUDIT_INPUT" | "ORG_AUDIT_WRITE";

/**
 * A problem with how org-audit was run (a bad revision, an unreadable file, a failed write): exit 2.
 * Findings (a refused commit, a failed gate) are results, not errors.
 */
export class AuditError extends CodedError<AuditErrorCode> {
  override readonly name = "AuditError";
}
