import { CodedError } from "./coded-error.ts";

/**
 * The command line is wrong (unknown option or command, missing argument, bad value).
 * The CLI prints the message and a one-line hint to run `--help`, and exits 2.
 */
export class CliUsageError extends CodedError<"ORG_CLI_USAGE"> {
  override readonly name = "CliUsageError";

  constructor(message: string, options?: { cause?: unknown }) {
    super("ORG_CLI_USAGE", message, options);
  }
}
