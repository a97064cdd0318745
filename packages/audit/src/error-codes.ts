import type { AuditErrorCode } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` an `AuditError` carries (exit code 2: how org-audit was run, not a finding). */
export const AUDIT_ERROR_CODES = {
  ORG_AUDIT_USAGE: {
    meaning:
      "An option has a value org-audit cannot use: a quarter, date or revision that does not parse, `--until` before `--since`.",
    action:
      "Write quarters like `2026Q3`, dates like `2026-07-01`, and revisions git knows; `org-audit --help` lists the options.",
  },
  ORG_AUDIT_INPUT: {
    meaning:
      "An input could not be read: git failed in the repository, a file (PR body, commit message) is missing, or a report section could not be loaded.",
    action:
      "Run inside the repository with git on the PATH and check the paths given; the message quotes the underlying error.",
  },
  ORG_AUDIT_WRITE: {
    meaning: "A report or generated file could not be written.",
    action: "Check that the output directory exists and is writable.",
  },
} as const satisfies Record<AuditErrorCode, ErrorCodeInfo>;
