/**
 * The command line is wrong (unknown option or command, missing argument, bad value).
 * The CLI prints the message and a one-line hint to run `--help`, and exits 2.
 */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  readonly code = "ORG_CLI_USAGE";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
