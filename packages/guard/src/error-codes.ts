import type { GuardErrorCode } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a `GuardError` carries (exit code 2: how org-guard was run, not a finding). */
export const GUARD_ERROR_CODES = {
  ORG_GUARD_USAGE: {
    meaning:
      "org-guard was called wrongly: an unknown option or format, a path that does not exist, `--staged` with paths.",
    action: "Run `org-guard --help` and correct the command line (or the hook that runs it).",
  },
  ORG_GUARD_CONFIG: {
    meaning: "`org-guard.config.json` (or `orgGuard` in package.json) cannot be read or holds an invalid key or value.",
    action: "Fix the key the message names; the guard rule reference lists rule ids and levels.",
  },
  ORG_GUARD_GIT: {
    meaning: "A git command failed: `--staged` outside a git repository, or git is missing or broken.",
    action: "Run the hook inside the repository with git on the PATH; the message quotes git's own error.",
  },
  ORG_GUARD_FACTS: {
    meaning:
      "`checkSource` was handed package facts whose `internal` field `packageFacts` did not build (written by hand or copied field by field).",
    action:
      "Pass the object `packageFacts` returned as it is, or leave `internal` out (the public fields `zero`, `infinite` and `inert` may be built by hand).",
  },
} as const satisfies Record<GuardErrorCode, ErrorCodeInfo>;
