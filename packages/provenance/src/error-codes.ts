import type { ProvenanceErrorCode } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a `ProvenanceError` carries. */
export const PROVENANCE_ERROR_CODES = {
  ORG_PROVENANCE_GIT: {
    meaning: "A git command failed (git missing, not a repository, a revision that does not exist or starts with `-`).",
    action:
      "Run inside the repository with git installed, and name revisions git knows (`git rev-parse <rev>` checks one).",
  },
  ORG_PROVENANCE_CONFIG: {
    meaning:
      "`org-audit.config.json` is missing where a path was given, is not valid JSON, or holds an invalid key or value.",
    action: "Fix the file and key the message names.",
  },
} as const satisfies Record<ProvenanceErrorCode, ErrorCodeInfo>;
