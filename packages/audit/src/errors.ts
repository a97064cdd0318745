export type AuditErrorCode = "ORG_AUDIT_USAGE" | "ORG_AUDIT_INPUT" | "ORG_AUDIT_WRITE";

/**
 * A problem with how org-audit was run (a bad revision, an unreadable file, a failed write): exit 2.
 * Findings (a refused commit, a failed gate) are results, not errors.
 */
export class AuditError extends Error {
  override readonly name = "AuditError";
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
