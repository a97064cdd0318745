import type { CliUsageError } from "./errors.ts";

/** What an error code means and what to do about it; the docs' troubleshooting page is generated from these. */
export interface ErrorCodeInfo {
  meaning: string;
  action: string;
}

/** Every `code` the shared CLI layer gives (every `org-*` command). */
export const CLI_ERROR_CODES = {
  ORG_CLI_USAGE: {
    meaning: "The command line is wrong: an unknown option or command, a missing argument or a bad value. Exit code 2.",
    action: "Run the command with `--help`; the message names the option and, for a typo, the closest one.",
  },
} as const satisfies Record<CliUsageError["code"], ErrorCodeInfo>;
