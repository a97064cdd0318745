import type { FlakyErrorCode } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` a `FlakyError` carries (all exit 2: a problem with the run or its input, not an alert). */
export const FLAKY_ERROR_CODES = {
  ORG_FLAKY_USAGE: {
    meaning: "The command line is wrong: an unknown option or value, or `record` without a JUnit file.",
    action: "Run `org-flaky <command> --help` and pass what it lists.",
  },
  ORG_FLAKY_BAD_XML: {
    meaning:
      "A JUnit file is malformed, truncated or not JUnit; the message gives the file and line. Nothing of that run was stored.",
    action: "Fix or regenerate the report (a test runner killed mid-write leaves a truncated file), then record again.",
  },
  ORG_FLAKY_INPUT: {
    meaning: "A JUnit file named on the command line cannot be read (missing, a directory, no permission).",
    action: "Check the path the message names; nothing was stored.",
  },
  ORG_FLAKY_STORE: {
    meaning:
      "The store in `ORG_FLAKY_DB` cannot be opened or migrated: another program's data, a PostgreSQL server that refuses the connection, or a schema newer than this org-flaky.",
    action:
      "Point `ORG_FLAKY_DB` at an org-flaky store (a directory, default `.org-flaky/`, or `postgres://...`), or upgrade `@org/flaky` when the schema is newer.",
  },
  ORG_FLAKY_GIT: {
    meaning: "A git command org-flaky needs (the commit of the run, line attribution of a test) failed.",
    action: "Run inside the repository with git installed, or pass `--commit <sha>` to `record`.",
  },
} as const satisfies Record<FlakyErrorCode, ErrorCodeInfo>;
